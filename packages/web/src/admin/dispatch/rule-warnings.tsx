import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../common/quiet-icons';
import type { RuleWarning } from './dispatch-api';

// After a rule is saved: the requirements nobody in the tenant meets, worded by their code and field
// (never the server's English message): the rule is saved, but its tickets would wait in the queue.

const FIELDS = ['skill', 'certification', 'language', 'region', 'productLine'] as const;

/** The warning in the reader's language. */
export function warningText(w: RuleWarning, t: TFunction): string {
  if (w.code === 'NOBODY_MEETS_ALL') return t('dispatch.ruleWarnings.NOBODY_MEETS_ALL');
  const field = FIELDS.find((f) => w.field === `requirements.${f}`);
  if (!field || !w.value) return t('dispatch.ruleWarnings.unknown');
  if (field === 'certification' && w.code === 'ALL_EXPIRED') return t('dispatch.ruleWarnings.certificationExpired', { value: w.value, n: w.holders ?? 0 });
  if (field === 'skill' && w.level) return t('dispatch.ruleWarnings.skillLevel', { value: w.value, level: w.level });
  const value = field === 'language' ? t(`dispatch.languages.${w.value}`, { defaultValue: w.value }) : w.value;
  return t(`dispatch.ruleWarnings.${field}`, { value });
}

/** The warnings of the rule last saved, closable. */
export function RuleWarningsAlert({ rule, warnings, onClose }: { rule: string; warnings: RuleWarning[]; onClose: () => void }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose, closeIcon: <CloseIcon /> }}
      title={t('dispatch.ruleWarnings.title', { name: rule })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w) => (
            <li key={`${w.field}:${w.code}`}>{warningText(w, t)}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
      data-testid="rule-warnings"
    />
  );
}
