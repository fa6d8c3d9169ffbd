import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../api/types';
import { renderUi } from '../../test/render';
import type { NameResolver } from './event-text';
import type { OutboundDelivery } from '../../api/intake-types';
import { DeliveriesContext } from './deliveries';
import { INTERNAL_BG, TimelineEntry } from './timeline-entry';

const names: NameResolver = {
  category: (id) => ({ c1: '网络故障', c2: '打印机' })[id],
  team: (id) => ({ t1: '桌面支持组' })[id],
  user: (id) => ({ u1: '王芳', u2: '李强' })[id],
  ticketType: () => undefined,
};

const base = { actor: { type: 'user', id: 'u1', name: '王芳' }, channel: 'web', createdAt: '2026-11-22T08:00:00.000Z' };
const ev = (e: Partial<TicketEvent>): TicketEvent => ({ id: 'e1', kind: 'reply.added', internal: false, data: {}, ...base, ...e });

describe('timeline entries', () => {
  it('show an internal note on yellow with the 内部备注 label', () => {
    renderUi(<TimelineEntry event={ev({ kind: 'note.added', internal: true, data: { body: '<p>客户情绪激动，注意措辞</p>' } })} names={names} attachments={new Map()} />);
    const entry = screen.getByTestId('entry-note');
    expect(entry.style.background).toBe(INTERNAL_BG.replace(/^#/, '#'));
    expect(screen.getByTestId('internal-label').textContent).toContain('内部备注');
    expect(entry.textContent).toContain('客户情绪激动，注意措辞');
  });

  it('show a reply to the customer without the internal label or background', () => {
    renderUi(<TimelineEntry event={ev({ kind: 'reply.added', channel: 'email', data: { body: '<p>您好，已为您处理</p>' } })} names={names} attachments={new Map()} />);
    const entry = screen.getByTestId('entry-reply');
    expect(entry.getAttribute('data-internal')).toBe('false');
    expect(screen.queryByTestId('internal-label')).toBeNull();
    expect(entry.style.background).not.toBe(INTERNAL_BG);
    expect(screen.getByTestId('entry-channel').textContent).toBe('来自邮件');
  });

  it('say where a console reply was written (来自网页) apart from where it went and how that went', () => {
    const failed: OutboundDelivery = {
      id: 'o1', commentId: 'c1', channel: 'email', recipient: 'wangfang@example.cn', state: 'failed', attempts: 1, externalId: null,
      error: { code: 'RELAY_NOT_CONFIGURED', message: 'No SMTP relay for outgoing mail' }, createdAt: '2026-11-22T08:00:00Z', sentAt: null,
    };
    const sent: OutboundDelivery = { ...failed, id: 'o2', commentId: 'c2', channel: 'wecom', state: 'sent', error: null };
    renderUi(
      <DeliveriesContext.Provider value={new Map([['c1', failed], ['c2', sent]])}>
        <TimelineEntry event={ev({ id: 'e1', data: { commentId: 'c1', body: '<p>已为您处理</p>', deliverVia: 'email' } })} names={names} attachments={new Map()} />
        <TimelineEntry event={ev({ id: 'e2', data: { commentId: 'c2', body: '<p>师傅已出发</p>' } })} names={names} attachments={new Map()} />
        <TimelineEntry event={ev({ id: 'e3', data: { commentId: 'c3', body: '<p>电话里已说明</p>', deliverVia: 'phone' } })} names={names} attachments={new Map()} />
        <TimelineEntry event={ev({ id: 'e4', data: { commentId: 'c4', body: '<p>见门户</p>', deliverVia: 'portal' } })} names={names} attachments={new Map()} />
        <TimelineEntry event={ev({ id: 'e5', kind: 'note.added', internal: true, data: { commentId: 'c5', body: '<p>内部</p>' } })} names={names} attachments={new Map()} />
      </DeliveriesContext.Provider>,
    );
    expect(screen.getAllByTestId('entry-channel').map((c) => c.textContent)).toEqual(['来自网页', '来自网页', '来自网页', '来自网页', '来自网页']);
    expect(screen.getAllByTestId('entry-delivery').map((d) => [d.getAttribute('data-state'), d.textContent])).toEqual([
      ['failed', '邮件发送失败'],
      ['sent', '已通过企业微信发送'],
      ['phone', '已记为回电'],
      ['portal', '仅门户可见'],
    ]);
  });

  it('sum up repeated device alarms in one line', () => {
    renderUi(<TimelineEntry event={ev({ kind: 'alarm.repeated', channel: 'iot', actor: { type: 'system', id: null, name: 'iot' }, data: { serial: 'SN123', code: 'E21', added: 3, count: 4 } })} names={names} attachments={new Map()} />);
    expect(document.body.textContent).toContain('设备 SN123 告警 E21 又上报 3 次，共 4 次');
  });

  it("name the server's own actors in the interface language; a device or a person by their name", () => {
    const system = (name: string) => ev({ id: name, kind: 'ticket.updated', actor: { type: 'system', id: null, name }, data: { changes: { priority: { from: 'normal', to: 'urgent' } } } });
    renderUi(
      <>
        <TimelineEntry event={system('intelligence')} names={names} attachments={new Map()} />
        <TimelineEntry event={system('iot')} names={names} attachments={new Map()} />
        <TimelineEntry event={system('设备 SN-1001')} names={names} attachments={new Map()} />
        <TimelineEntry event={ev({ id: 'c', kind: 'ticket.created', actor: { type: 'contact', id: 'k1', name: '王芳' }, channel: 'email' })} names={names} attachments={new Map()} />
      </>,
    );
    expect(screen.getAllByTestId('entry-actor').map((a) => a.textContent)).toEqual(['智能分析', '设备告警', '设备 SN-1001', '王芳']);
  });

  it('write field changes with names, not ids, and the transfer reason', () => {
    renderUi(
      <TimelineEntry
        event={ev({
          kind: 'ticket.updated',
          data: {
            changes: { status: { from: 'new', to: 'open' }, categoryId: { from: 'c1', to: 'c2' }, assigneeId: { from: 'u1', to: 'u2' }, teamId: { from: null, to: 't1' } },
            reason: '需要打印机专家',
          },
        })}
        names={names}
        attachments={new Map()}
      />,
    );
    const lines = screen.getAllByTestId('entry-change').map((l) => l.textContent);
    expect(lines).toEqual(['状态：待受理 → 处理中', '分类：网络故障 → 打印机', '处理人：王芳 → 李强', '技能组：设为 桌面支持组', '原因：需要打印机专家']);
  });

  it('show an image attachment as a preview and other files as links', () => {
    const attachments = new Map([
      ['a1', { id: 'a1', ticketId: 't', commentId: 'c', filename: '现场照片.jpg', contentType: 'image/jpeg', size: 2048, sha256: 'a'.repeat(64), internal: false, uploadedBy: null, createdAt: base.createdAt }],
      ['a2', { id: 'a2', ticketId: 't', commentId: 'c', filename: '日志.txt', contentType: 'text/plain', size: 10, sha256: 'b'.repeat(64), internal: false, uploadedBy: null, createdAt: base.createdAt }],
    ]);
    renderUi(<TimelineEntry event={ev({ data: { body: '<p>见附件</p>', attachmentIds: ['a1', 'a2'] } })} names={names} attachments={attachments} />);
    expect(screen.getByTestId('entry-reply').querySelector('img')?.getAttribute('src')).toBe('/api/v1/attachments/a1');
    expect(screen.getByTestId('attachment-file').textContent).toContain('日志.txt');
  });
});
