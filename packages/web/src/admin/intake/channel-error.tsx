import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { channelErrorMessage } from '../../common/api-errors';

// What went wrong with a channel message, in the interface language; the code and the server's
// technical message follow as secondary text, for whoever has to fix the setting.

export function ChannelError({ error, testId }: { error: { code: string; message: string }; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId}>
      <Typography.Text type="danger" data-testid="channel-error-text">
        {channelErrorMessage(error.code, t)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="channel-error-detail">
        {error.code}
        {error.message ? `：${error.message}` : ''}
      </Typography.Text>
    </span>
  );
}
