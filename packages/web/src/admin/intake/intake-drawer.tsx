import { DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inboundRawUrl } from '../../api/intake-endpoints';
import type { InboundMessage } from '../../api/intake-types';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { TicketLink } from './intake-table';
import { canRetry, InboundStateTag } from './state-tag';
import { channelErrorMessage } from '../../common/api-errors';

// One inbound message: its processing state and error, what the transport recorded, the original.

interface Props {
  message: InboundMessage | null;
  admin: boolean;
  retrying: boolean;
  onRetry: (m: InboundMessage) => void;
  onClose: () => void;
}

export function IntakeDrawer({ message: m, admin, retrying, onRetry, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={!!m} onClose={onClose} size={560} title={t('intake.inbox.detail')} data-testid="inbound-drawer" destroyOnHidden>
      {m && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Button icon={<DownloadOutlined aria-hidden />} href={inboundRawUrl(m.id)} target="_blank" data-testid="inbound-download">
              {t('intake.inbox.download')}
            </Button>
            {canRetry(m.state, admin) && (
              <Button type="primary" icon={<RedoOutlined aria-hidden />} loading={retrying} onClick={() => onRetry(m)} data-testid="inbound-drawer-retry">
                {t('intake.inbox.retry')}
              </Button>
            )}
          </Space>
          {m.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={channelErrorMessage(m.error.code, t)} description={`${m.error.code}：${m.error.message}`} data-testid="inbound-drawer-error" />}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('intake.inbox.channel')}>
              <Tag>{t(`channel.${m.channel}`, { defaultValue: m.channel })}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.inbox.stateCol')}>
              <InboundStateTag state={m.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.inbox.received')}>{formatDateTime(m.receivedAt)}</Descriptions.Item>
            {m.processedAt && <Descriptions.Item label={t('intake.inbox.processedAt')}>{formatDateTime(m.processedAt)}</Descriptions.Item>}
            {m.nextAttemptAt && <Descriptions.Item label={t('intake.inbox.nextAttempt')}>{formatDateTime(m.nextAttemptAt)}</Descriptions.Item>}
            <Descriptions.Item label={t('intake.inbox.attempts')}>{m.attempts}</Descriptions.Item>
            {m.outcome && <Descriptions.Item label={t('intake.inbox.outcome')}>{t(`intake.inbox.outcomes.${m.outcome}`, { defaultValue: m.outcome })}</Descriptions.Item>}
            {m.ticketId && (
              <Descriptions.Item label={t('intake.inbox.ticket')}>
                <TicketLink m={m} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('intake.inbox.externalId')}>
              <Typography.Text code>{m.externalId || '—'}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.inbox.contentType')}>{m.contentType}</Descriptions.Item>
            <Descriptions.Item label={t('intake.inbox.size')}>{formatBytes(m.size)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('intake.inbox.meta')}
          </Typography.Title>
          <pre data-testid="inbound-meta" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, fontSize: 12, overflow: 'auto', maxHeight: 360 }}>
            {JSON.stringify(m.meta, null, 2)}
          </pre>
        </>
      )}
    </Drawer>
  );
}
