import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Puts text on the clipboard; false when the browser refuses (no permission, no secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A read-only value (a URL, a snippet) with a copy button. */
export function CopyField({ value, testId, multiline }: { value: string; testId: string; multiline?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => ((await copyText(value)) ? message.success(t('intake.channels.copied')) : message.warning(t('intake.channels.copyFailed')));
  const style = { fontFamily: 'monospace', fontSize: 12 };
  return (
    <Flex gap={8} align="start">
      {multiline ? (
        <Input.TextArea readOnly value={value} autoSize={{ minRows: 2, maxRows: 8 }} style={style} data-testid={testId} onFocus={(e) => e.target.select()} />
      ) : (
        <Input readOnly value={value} style={style} data-testid={testId} onFocus={(e) => e.target.select()} />
      )}
      <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} data-testid={`${testId}-copy`}>
        {t('intake.channels.copy')}
      </Button>
    </Flex>
  );
}
