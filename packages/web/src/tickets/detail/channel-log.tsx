import { DownloadOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboundRawUrl, intakeApi } from '../../api/intake-endpoints';
import type { ChannelLog as Log, OutboundDelivery } from '../../api/intake-types';
import { ChannelError } from '../../admin/intake/channel-error';
import { metaSummary } from '../../admin/intake/meta-summary';
import { InboundStateTag } from '../../admin/intake/state-tag';
import { formatDateTime } from '../../i18n/format';

// 渠道记录: the originals that reached the ticket through channels (to download) and the replies
// sent back on them, with their delivery state (sent / failed with the reason / pending).

const DELIVERY_COLORS: Record<OutboundDelivery['state'], string> = { sent: 'success', failed: 'error', pending: 'processing' };

function ChannelTag({ channel }: { channel: string }) {
  const { t } = useTranslation();
  return <Tag variant="filled">{t(`channel.${channel}`, { defaultValue: channel })}</Tag>;
}

export function ChannelLogView({ log }: { log: Log }) {
  const { t } = useTranslation();
  if (!log.inbound.length && !log.outbound.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.log.empty')} data-testid="channel-log-empty" />;
  return (
    <>
      {log.inbound.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('intake.log.inbound')}</Typography.Text>}
          dataSource={log.inbound}
          data-testid="channel-log-inbound"
          renderItem={(m) => {
            const s = metaSummary(m);
            return (
              <List.Item
                data-testid="channel-log-in"
                actions={[
                  <a key="raw" href={inboundRawUrl(m.id)} target="_blank" rel="noreferrer" data-testid="channel-log-download">
                    <DownloadOutlined aria-hidden /> {t('intake.log.download')}
                  </a>,
                ]}
              >
                <Space size={6} wrap>
                  <ChannelTag channel={m.channel} />
                  <Typography.Text type="secondary">{formatDateTime(m.receivedAt)}</Typography.Text>
                  {s.sender && <Typography.Text>{s.sender}</Typography.Text>}
                  {s.about && <Typography.Text type="secondary">{s.about}</Typography.Text>}
                  {m.state !== 'processed' && <InboundStateTag state={m.state} />}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      {log.outbound.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('intake.log.outbound')}</Typography.Text>}
          dataSource={log.outbound}
          data-testid="channel-log-outbound"
          renderItem={(o) => (
            <List.Item data-testid="channel-log-out" data-state={o.state}>
              <Space size={6} wrap>
                <ChannelTag channel={o.channel} />
                <Typography.Text type="secondary">{formatDateTime(o.sentAt ?? o.createdAt)}</Typography.Text>
                <Typography.Text>{t('intake.log.to', { recipient: o.recipient })}</Typography.Text>
                <Tag color={DELIVERY_COLORS[o.state] ?? 'default'} data-testid="delivery-state">
                  {t(`intake.log.state.${o.state}`, { defaultValue: o.state })}
                </Tag>
                {o.state !== 'sent' && o.error && <ChannelError error={o.error} testId="delivery-error" />}
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** The panel on the ticket page; reloads when the ticket changes (`version`) and hands the log to the page (the timeline's delivery tags). */
export function ChannelLogPanel({ ticketId, version, onLoaded }: { ticketId: string; version: number; onLoaded?: (log: Log) => void }) {
  const { t } = useTranslation();
  const [log, setLog] = useState<Log | null>(null);
  useEffect(() => {
    let live = true;
    const show = (l: Log) => {
      if (!live) return;
      setLog(l);
      onLoaded?.(l);
    };
    intakeApi
      .channelLog(ticketId)
      .then(show)
      .catch(() => show({ inbound: [], outbound: [] }));
    return () => {
      live = false;
    };
    // onLoaded is the page's setter: a new function each render must not reload the log
  }, [ticketId, version]);
  return (
    <Card size="small" title={t('intake.log.title')} loading={!log} data-testid="channel-log" style={{ marginTop: 12 }}>
      {log && <ChannelLogView log={log} />}
    </Card>
  );
}
