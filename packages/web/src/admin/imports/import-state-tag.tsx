import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobState } from '../../api/import-types';

const COLORS: Record<ImportJobState, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

export function ImportStateTag({ state }: { state: ImportJobState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-testid="import-state">
      {t(`imports.state.${state}`)}
    </Tag>
  );
}
