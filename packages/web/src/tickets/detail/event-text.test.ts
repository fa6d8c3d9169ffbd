import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import type { TicketEvent } from '../../api/types';
import { changeLines, describeEvent, type NameResolver } from './event-text';

const names: NameResolver = { category: (id) => (id === 'c1' ? '打印机' : undefined), team: () => undefined, user: (id) => (id === 'u1' ? '坐席小王' : undefined), ticketType: () => undefined };
const t = i18n.getFixedT('zh-CN');

describe('timeline lines of a change', () => {
  it('show the resolution note itself when a ticket is resolved, with what else was set', () => {
    const lines = changeLines({ status: { from: 'open', to: 'resolved' }, resolution: { from: null, to: '更换了定影器，测试打印正常' }, categoryId: { from: null, to: 'c1' } }, t, names);
    expect(lines).toEqual(['状态：处理中 → 已解决', '解决说明：更换了定影器，测试打印正常', '分类：设为 打印机']);
  });

  it('says an asset was linked or unlinked, never its id', () => {
    const id = '0190a0a0-0000-7000-8000-0000000000a1';
    expect(changeLines({ assetId: { from: null, to: id } }, t, names)).toEqual(['关联了设备']);
    expect(changeLines({ assetId: { from: id, to: null } }, t, names)).toEqual(['取消了设备关联']);
  });
});

describe('the timeline title of an event', () => {
  it('names the score a customer gave in answer to the satisfaction request', () => {
    const e = { kind: 'csat.received', data: { score: 4 } } as unknown as TicketEvent;
    expect(describeEvent(e, t, names).title).toBe('客户满意度评分：4 分（满分 5 分）');
  });
});

describe('a transfer to the backup team on overflow', () => {
  const e = { kind: 'ticket.updated', data: { changes: {}, reason: '溢出：原技能组排队 5 单，已达阈值 5，转至备用技能组', overflow: { waiting: 5, threshold: 5 } } } as unknown as TicketEvent;
  it('is worded from its facts in the reader\'s language, not the stored Chinese reason', () => {
    expect(describeEvent(e, t, names).lines).toEqual(['原因：原技能组排队 5 单，已达阈值 5，转至备用技能组']);
    expect(describeEvent(e, i18n.getFixedT('en'), names).lines).toEqual(["Reason: 5 tickets waiting in the team's queue (threshold 5), moved to the backup team"]);
  });
});

describe('the reason of a ticket change', () => {
  const change = (reason: string) => ({ kind: 'ticket.updated', data: { changes: {}, reason } }) as unknown as TicketEvent;
  it("words the system's own reasons in the reader's language, not the stored Chinese", () => {
    const en = i18n.getFixedT('en');
    for (const r of ['超时未接单', '转派', '改派', '下班，交回未开始的工作']) {
      const [line] = describeEvent(change(r), en, names).lines;
      expect(line, r).toMatch(/^Reason: [\x20-\x7e]+$/);
    }
    expect(describeEvent(change('超时未接单'), t, names).lines).toEqual(['原因：超时未接单']);
  });
  it("keeps a person's own reason as they wrote it", () => {
    expect(describeEvent(change('客户要求换人'), i18n.getFixedT('en'), names).lines).toEqual(['Reason: 客户要求换人']);
  });
});
