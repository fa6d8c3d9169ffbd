import { describe, expect, it } from 'vitest';
import { rankDuplicates, DUPLICATE_REASON_LABELS, type DuplicateTicket } from './rank-duplicates';

const NOW = new Date('2026-03-10T09:00:00+08:00');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

const OPEN: DuplicateTicket[] = [
  { id: 'a', text: '三楼打印机打不出来', requesterId: 'u1', assetIds: ['PR-301'], createdAt: hoursAgo(2) },
  { id: 'b', text: '打印机无法打印，显示脱机', requesterId: 'u2', createdAt: hoursAgo(24 * 20) },
  { id: 'c', text: 'VPN连不上', requesterId: 'u1', createdAt: hoursAgo(1) },
  { id: 'd', text: '会议室投影仪没有信号', requesterId: 'u3', createdAt: hoursAgo(5) },
  { id: 'e', text: '邮箱收不到邮件', requesterId: 'u4', createdAt: hoursAgo(30) },
];

describe('rankDuplicates', () => {
  it('finds the same problem by text, and a weaker text match of the same requester and asset, with reasons', () => {
    const out = rankDuplicates({ text: '打印机无法打印', requesterId: 'u1', assetIds: ['PR-301'] }, OPEN, NOW);
    expect(out.map((m) => m.id)).toEqual(['b', 'a']);
    expect(out[0].reasons).toEqual(['similar_text']);
    const a = out[1];
    expect(a.reasons).toEqual(['same_requester', 'same_asset', 'recent']);
    expect(a.score).toBeGreaterThan(a.textScore + 0.2);
    for (const m of out) {
      expect(m.score).toBeGreaterThanOrEqual(0.5);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.score).toBeGreaterThanOrEqual(m.textScore);
    }
  });

  it('does not call a different problem of the same requester a duplicate', () => {
    const out = rankDuplicates({ text: '打印机无法打印', requesterId: 'u1' }, OPEN, NOW);
    expect(out.map((m) => m.id)).not.toContain('c');
    expect(rankDuplicates({ text: '空调不制冷', requesterId: 'u1' }, OPEN, NOW)).toEqual([]);
  });

  it('lets the same asset and recency lift a weaker textual match over the threshold', () => {
    const weak = { text: '打印机有问题', requesterId: 'u9' };
    const without = rankDuplicates(weak, OPEN, NOW, { threshold: 0 }).find((m) => m.id === 'a')!;
    const withAsset = rankDuplicates({ ...weak, assetIds: ['PR-301'] }, OPEN, NOW, { threshold: 0 }).find((m) => m.id === 'a')!;
    expect(withAsset.score).toBeGreaterThan(without.score);
    expect(withAsset.reasons).toContain('same_asset');
  });

  it('handles English, an empty list and an empty text, and has labels for every reason', () => {
    const open: DuplicateTicket[] = [
      { id: 'x', text: 'Outlook does not receive emails', createdAt: hoursAgo(3) },
      { id: 'y', text: 'Laptop screen flickers', createdAt: hoursAgo(3) },
    ];
    expect(rankDuplicates({ text: 'not receiving emails in Outlook' }, open, NOW.getTime())[0].id).toBe('x');
    expect(rankDuplicates({ text: '打印机' }, [], NOW)).toEqual([]);
    expect(rankDuplicates({ text: ' ' }, OPEN, NOW)).toEqual([]);
    expect(Object.keys(DUPLICATE_REASON_LABELS).sort()).toEqual(['recent', 'same_asset', 'same_requester', 'similar_text']);
  });
});
