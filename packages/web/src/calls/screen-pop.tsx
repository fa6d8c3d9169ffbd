import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CallInfo } from '../api/live';
import { useMe } from '../auth/auth-context';
import { useLiveMessages } from '../common/live-context';
import { TierTag } from '../common/tier-tag';
import { StatusTag } from '../tickets/ticket-tags';
import type { Status } from '../api/types';

// CTI screen pop (来电弹屏): when the phone rings for this agent, who is calling — the customer with
// their open tickets, or 未知来电 — and one click to a new ticket for the caller. The drawer stays
// (without a mask) while the agent works; a call answered by someone else closes it.

const STATE_COLORS: Record<string, string> = { ringing: 'processing', answered: 'success', ended: 'default' };

/** The call to show after a live message, given the one shown now. */
export function nextCall(shown: CallInfo | null, call: CallInfo, meId: string): CallInfo | null {
  const forMe = !call.agentId || call.agentId === meId;
  if (call.state === 'ringing') return forMe ? call : shown;
  if (shown?.callId !== call.callId) return shown;
  // an update may leave out what the ringing message said (the contact, the open tickets): keep it
  const known = Object.fromEntries(Object.entries(call).filter(([, v]) => v !== null && v !== undefined));
  return forMe ? ({ ...shown, ...known } as CallInfo) : null;
}

export function ScreenPop() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [call, setCall] = useState<CallInfo | null>(null);
  useLiveMessages((m) => {
    if (m.type === 'call' && m.call?.callId) setCall((shown) => nextCall(shown, m.call, me.id));
  });
  const contact = call?.contact ?? null;
  const open = call?.openTickets ?? [];
  return (
    <Drawer
      open={!!call}
      mask={false}
      size={400}
      onClose={() => setCall(null)}
      data-testid="screen-pop"
      title={
        <Space>
          <PhoneOutlined aria-hidden />
          {t('intake.call.title')}
          {call && (
            <Tag color={STATE_COLORS[call.state] ?? 'default'} data-testid="screen-pop-state">
              {t(`intake.call.${call.state}`, { defaultValue: call.state })}
            </Tag>
          )}
        </Space>
      }
    >
      {call && (
        <>
          <Typography.Title level={3} style={{ marginTop: 0 }} copyable data-testid="screen-pop-caller">
            {call.caller}
          </Typography.Title>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('intake.call.contact')}>
              {contact ? (
                <Space size={4} wrap>
                  <Link to={`/customers/contacts/${contact.id}`} data-testid="screen-pop-contact" onClick={() => setCall(null)}>
                    {contact.name}
                  </Link>
                  <TierTag tier={contact.tier} />
                  {contact.organizationName && <Typography.Text type="secondary">{contact.organizationName}</Typography.Text>}
                </Space>
              ) : (
                <Typography.Text type="warning" data-testid="screen-pop-unknown">
                  {t('intake.call.unknown')}
                </Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Button
            type="primary"
            block
            icon={<PlusOutlined aria-hidden />}
            style={{ margin: '8px 0 16px' }}
            data-testid="screen-pop-create"
            onClick={() => {
              navigate(`/tickets/new?phone=${encodeURIComponent(call.caller)}`);
              setCall(null);
            }}
          >
            {t('intake.call.createTicket')}
          </Button>
          <Typography.Title level={5}>{t('intake.call.openTickets')}</Typography.Title>
          <List
            size="small"
            dataSource={open}
            data-testid="screen-pop-tickets"
            locale={{ emptyText: t('intake.call.noOpenTickets') }}
            renderItem={(x) => (
              <List.Item>
                <Space size={4} style={{ minWidth: 0 }}>
                  <Link to={`/tickets/${x.number}`} onClick={() => setCall(null)}>
                    #{x.number}
                  </Link>
                  <Typography.Text ellipsis style={{ maxWidth: 200 }} title={x.title}>
                    {x.title}
                  </Typography.Text>
                  <StatusTag status={x.status as Status} />
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
