import { DownOutlined, MessageOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Input, List, Mentions, Popover, Segmented, Select, Space, Tag, Typography, Upload } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi, peopleApi, templatesApi, ticketsApi } from '../../api/endpoints';
import type { ReplyTemplate, Status, Ticket } from '../../api/types';
import { mapErrorToFields } from '../../common/api-errors';
import { allowedStatuses } from '../ticket-tags';
import { activeMentions, htmlToText, textToHtml, useDraft } from './draft';
import { replyChannelOptions } from './reply-channel';
import { clearable } from '../../common/quiet-icons';

// Writing to the customer or to colleagues: reply / internal note, @mentions, files, templates,
// "send and set status". The draft survives reloads and failed requests.

export interface ReplyBoxHandle {
  focus: (internal: boolean) => void;
  /** Adds text at the end of the reply (a suggested article or solution), as a reply to the customer. */
  insert: (text: string) => void;
}

interface Props {
  ticket: Ticket;
  onSent: () => void;
}

function Templates({ onPick }: { onPick: (t: ReplyTemplate) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ReplyTemplate[] | null>(null);
  const [open, setOpen] = useState(false);
  const search = (q: string) =>
    templatesApi
      .list(q || undefined)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o && items === null) void search('');
      }}
      trigger="click"
      placement="topLeft"
      content={
        <div style={{ width: 320 }} data-testid="template-picker">
          <Input.Search placeholder={t('reply.templateSearch')} onSearch={search} allowClear={clearable} size="small" />
          <List
            size="small"
            loading={items === null}
            locale={{ emptyText: t('reply.noTemplates') }}
            dataSource={items ?? []}
            style={{ maxHeight: 280, overflow: 'auto' }}
            renderItem={(tpl) => (
              <List.Item
                style={{ cursor: 'pointer' }}
                onClick={() => {
                  onPick(tpl);
                  setOpen(false);
                }}
              >
                <List.Item.Meta title={tpl.name} description={<Typography.Text ellipsis>{htmlToText(tpl.body)}</Typography.Text>} />
              </List.Item>
            )}
          />
        </div>
      }
    >
      <Button icon={<MessageOutlined aria-hidden />} data-testid="templates-button">
        {t('reply.templates')}
      </Button>
    </Popover>
  );
}

export const ReplyBox = forwardRef<ReplyBoxHandle, Props>(function ReplyBox({ ticket, onSent }, ref) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { draft, setDraft, clear } = useDraft(ticket.id);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [sending, setSending] = useState(false);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // the channel a reply to the customer goes out on: only those that can carry it (email when the
  // requester has an address); the first offered is the default
  const [requesterHasEmail, setRequesterHasEmail] = useState(false);
  useEffect(() => {
    let live = true;
    setRequesterHasEmail(false);
    if (ticket.requesterId)
      customersApi
        .contact(ticket.requesterId)
        .then((c) => live && setRequesterHasEmail(c.identities.some((i) => i.kind === 'email')))
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ticket.requesterId]);
  const channelOptions = replyChannelOptions(ticket.channel, requesterHasEmail, t);
  const [picked, setChannel] = useState<string | null>(null);
  useEffect(() => setChannel(null), [ticket.id, ticket.channel]);
  const chosen = channelOptions.find((o) => o.value === picked) ?? channelOptions[0];
  const channel = chosen.value;
  const textRef = useRef<{ focus: () => void } | null>(null);

  useImperativeHandle(ref, () => ({
    focus: (internal: boolean) => {
      setDraft({ internal });
      setTimeout(() => textRef.current?.focus(), 0);
    },
    insert: (text: string) => {
      setDraft((d) => ({ ...d, internal: false, body: d.body.trim() ? `${d.body.replace(/\s+$/, '')}\n${text}` : text }));
      setTimeout(() => textRef.current?.focus(), 0);
    },
  }));

  const searchPeople = (q: string) =>
    peopleApi
      .users(q || undefined, 10)
      .then((r) => setPeople(r.items.filter((u) => u.role !== 'customer' && u.active).map((u) => ({ id: u.id, name: u.name }))))
      .catch(() => setPeople([]));

  const send = async (status?: Status) => {
    if (!draft.body.trim()) {
      setError(t('reply.empty'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await ticketsApi.comment(ticket.id, {
        body: textToHtml(draft.body),
        internal: draft.internal,
        mentions: activeMentions(draft).map((m) => m.id),
        attachmentIds: draft.files.map((f) => f.id),
        ...(status && status !== ticket.status ? { status } : {}),
        ...(draft.internal ? {} : { channel }),
      });
      clear();
      message.success(t('reply.sent'));
      onSent();
    } catch (err) {
      const { fields, general } = mapErrorToFields(err, t, ['body', 'mentions', 'attachmentIds', 'status']);
      setError([...fields.flatMap((f) => f.errors), general].filter(Boolean).join('；') + ` — ${t('errors.draftKept')}`);
    } finally {
      setSending(false);
    }
  };

  const statuses = allowedStatuses(ticket.status).filter((s) => s !== ticket.status);
  return (
    <div
      data-testid="reply-box"
      style={{ border: `1px solid ${draft.internal ? '#ffe58f' : '#d9d9d9'}`, background: draft.internal ? '#fffbe6' : '#fff', borderRadius: 8, padding: 12 }}
    >
      <Space style={{ marginBottom: 8 }} wrap>
        <Segmented
          data-testid="reply-mode"
          aria-label={t('reply.mode')}
          value={draft.internal ? 'internal' : 'public'}
          onChange={(v) => setDraft({ internal: v === 'internal' })}
          options={[
            { value: 'public', label: t('reply.public') },
            { value: 'internal', label: t('reply.internal') },
          ]}
        />
        {!draft.internal && (
          <Space size={4}>
            <Typography.Text type="secondary">{t('intake.reply.channel')}</Typography.Text>
            <Select size="small" style={{ minWidth: 150 }} value={channel} onChange={setChannel} options={channelOptions.map(({ value, label }) => ({ value, label }))} data-testid="reply-channel" />
            <Typography.Text type="secondary" data-testid="reply-channel-hint">
              {chosen.hint}
            </Typography.Text>
          </Space>
        )}
        {draft.body && <Typography.Text type="secondary">{t('reply.draftSaved')}</Typography.Text>}
      </Space>
      <Mentions
        ref={textRef as never}
        data-testid="reply-text"
        autoSize={{ minRows: 3, maxRows: 12 }}
        placeholder={draft.internal ? t('reply.internalPlaceholder') : t('reply.placeholder')}
        value={draft.body}
        onChange={(body) => setDraft({ body })}
        onSearch={(q) => void searchPeople(q)}
        onSelect={(opt) => {
          const p = people.find((x) => x.name === opt.value);
          if (p) setDraft((d) => ({ ...d, mentions: [...d.mentions.filter((m) => m.id !== p.id), p] }));
        }}
        options={people.map((p) => ({ value: p.name, key: p.id, label: p.name }))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      {draft.files.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {draft.files.map((f) => (
            <Tag key={f.id} closable onClose={() => setDraft((d) => ({ ...d, files: d.files.filter((x) => x.id !== f.id) }))} icon={<PaperClipOutlined aria-hidden />}>
              {f.filename}
            </Tag>
          ))}
        </Space>
      )}
      {error && <Alert data-testid="reply-error" style={{ marginTop: 8 }} type="error" showIcon title={error} />}
      <Space style={{ marginTop: 8, justifyContent: 'space-between', width: '100%' }} wrap>
        <Space wrap>
          <Upload
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              setUploading((n) => n + 1);
              ticketsApi
                .upload(ticket.id, file as File, draft.internal)
                .then((a) => {
                  setDraft((d) => ({ ...d, files: [...d.files, { id: a.id, filename: a.filename }] }));
                  onSuccess?.(a);
                })
                .catch((err) => {
                  const { fields, general } = mapErrorToFields(err, t, ['file']);
                  setError([...fields.flatMap((f) => f.errors), general].filter(Boolean).join('；'));
                  onError?.(err);
                })
                .finally(() => setUploading((n) => n - 1));
            }}
          >
            <Button icon={<PaperClipOutlined aria-hidden />} loading={uploading > 0} data-testid="attach-button">
              {uploading > 0 ? t('reply.uploading') : t('reply.attach')}
            </Button>
          </Upload>
          <Templates onPick={(tpl) => setDraft((d) => ({ ...d, body: d.body ? `${d.body}\n${htmlToText(tpl.body)}` : htmlToText(tpl.body) }))} />
        </Space>
        <Space.Compact>
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={sending} disabled={uploading > 0} onClick={() => void send()} data-testid="reply-send">
            {t('reply.send')}
          </Button>
          <Dropdown
            disabled={sending || uploading > 0}
            menu={{
              items: statuses.map((s) => ({ key: s, label: `${t('reply.sendAndStatus')} ${t(`status.${s}`)}` })),
              onClick: ({ key }) => void send(key as Status),
            }}
          >
            <Button type="primary" icon={<DownOutlined aria-hidden />} data-testid="reply-send-status" aria-label={t('reply.sendAndStatus')} />
          </Dropdown>
        </Space.Compact>
      </Space>
    </div>
  );
});
