import { FileOutlined, LockOutlined } from '@ant-design/icons';
import { Avatar, Image, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '../../api/endpoints';
import type { Attachment, TicketEvent } from '../../api/types';
import { formatBytes, formatDateTime, formatRelative } from '../../i18n/format';
import { DeliveryTag } from './deliveries';
import { describeEvent, isComment, type NameResolver } from './event-text';

// One timeline entry: a reply to the customer, an internal note (yellow, labelled 内部备注), or a
// system event in plain words; each with who, when and through which channel.

interface Props {
  event: TicketEvent;
  names: NameResolver;
  attachments: Map<string, Attachment>;
}

export const INTERNAL_BG = '#fffbe6';
export const INTERNAL_BORDER = '#ffe58f';

function Files({ ids, attachments }: { ids: string[]; attachments: Map<string, Attachment> }) {
  if (!ids.length) return null;
  return (
    <Space wrap style={{ marginTop: 8 }}>
      {ids.map((id) => {
        const a = attachments.get(id);
        if (a?.contentType.startsWith('image/'))
          return <Image key={id} src={attachmentUrl(id)} alt={a.filename} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="attachment-image" />;
        return (
          <a key={id} href={attachmentUrl(id)} target="_blank" rel="noreferrer" data-testid="attachment-file">
            <FileOutlined aria-hidden /> {a ? `${a.filename} (${formatBytes(a.size)})` : id.slice(0, 8)}
          </a>
        );
      })}
    </Space>
  );
}

function Meta({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  return (
    <Space size={6} wrap>
      <Typography.Text strong data-testid="entry-actor">
        {event.actor.type === 'system' ? t(`timeline.systemActors.${event.actor.name}`, { defaultValue: event.actor.name || t('timeline.system') }) : event.actor.name || t('timeline.system')}
      </Typography.Text>
      <Typography.Text type="secondary" title={formatDateTime(event.createdAt)}>
        {formatRelative(event.createdAt)}
      </Typography.Text>
      <Tag variant="filled" data-testid="entry-channel">
        {t('timeline.via', { channel: t(`channel.${event.channel}`, { defaultValue: event.channel }) })}
      </Tag>
    </Space>
  );
}

export const TimelineEntry = memo(function TimelineEntry({ event, names, attachments }: Props) {
  const { t } = useTranslation();
  const d = event.data as Record<string, unknown>;

  if (isComment(event)) {
    const internal = event.kind === 'note.added' || event.internal;
    return (
      <div
        data-testid={internal ? 'entry-note' : 'entry-reply'}
        data-internal={internal}
        style={{
          display: 'flex',
          gap: 12,
          padding: 12,
          borderRadius: 8,
          background: internal ? INTERNAL_BG : '#fff',
          border: `1px solid ${internal ? INTERNAL_BORDER : '#f0f0f0'}`,
        }}
      >
        <Avatar style={{ background: internal ? '#faad14' : '#1677ff', flexShrink: 0 }}>{(event.actor.name || '?').slice(0, 1)}</Avatar>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space size={6} wrap>
            <Meta event={event} />
            {internal ? (
              <Tag color="warning" icon={<LockOutlined aria-hidden />} data-testid="internal-label">
                {t('timeline.internal')}
              </Tag>
            ) : (
              <>
                <Tag color="blue">{t('timeline.reply')}</Tag>
                <DeliveryTag event={event} />
              </>
            )}
          </Space>
          {/* the server sanitises comment HTML before storing it */}
          <div className="gd-comment-body" style={{ marginTop: 6, overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: String(d.body ?? '') }} />
          <Files ids={(d.attachmentIds as string[] | undefined) ?? []} attachments={attachments} />
        </div>
      </div>
    );
  }

  const { title, lines } = describeEvent(event, t, names);
  const fileId = event.kind === 'attachment.added' ? String(d.attachmentId ?? '') : '';
  return (
    <div data-testid="entry-system" data-kind={event.kind} style={{ padding: '6px 12px 6px 56px', color: 'rgba(0,0,0,.65)', background: event.internal ? INTERNAL_BG : undefined, borderRadius: 6 }}>
      <Space size={6} wrap>
        <Meta event={event} />
        <span>{title}</span>
      </Space>
      {lines.map((l, i) => (
        <div key={i} data-testid="entry-change">
          {l}
        </div>
      ))}
      {fileId && <Files ids={[fileId]} attachments={attachments.has(fileId) ? attachments : new Map([[fileId, { id: fileId, filename: String(d.filename ?? ''), contentType: String(d.contentType ?? ''), size: Number(d.size ?? 0) } as Attachment]])} />}
    </div>
  );
});
