import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { describeDispatchEvent } from './dispatch-events';
import { decisionSummary, exclusionText, exclusionsText, historyLine, historyText, outletLine, recommendationTitle, queuedText, queueReasonText, spanText, stateLabel, termText } from './dispatch-words';
import { ASSIGNMENT, NEED } from './dispatch-fixtures';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('dispatch decisions in words', () => {
  it('words every score term the way a dispatcher reads it', () => {
    const ctx = { travelKm: 3.2, load: { field: 2 }, capacity: { field: 5 }, kind: 'field' as const, skill: '电梯维修' };
    expect(termText({ name: 'travel', value: 6.4, goodness: 1, weighted: 1 }, ctx, zh)).toBe('距离 3.2 公里·约 6 分钟');
    expect(termText({ name: 'load', value: 2, goodness: 1, weighted: 1 }, ctx, zh)).toBe('负荷 2/5');
    expect(termText({ name: 'speed', value: 45, goodness: 1, weighted: 1 }, ctx, zh)).toBe('同类平均 45 分钟解决');
    expect(termText({ name: 'speed', value: null, goodness: 0, weighted: 0 }, ctx, zh)).toBe('同类暂无记录');
    // long spans in hours: a tester read "今日已派 1680 分钟工作", "2780 分钟"
    expect(termText({ name: 'fairness', value: 1680, goodness: 0.3, weighted: 1 }, ctx, zh)).toBe('今日已派 28 小时工作');
    expect(termText({ name: 'speed', value: 2780, goodness: 0.3, weighted: 1 }, ctx, zh)).toBe('同类平均 46 小时解决');
    expect(spanText(125, zh)).toBe('2 小时 5 分钟');
    // two days and more in days: a deadline weeks away is not 1011 分钟 or 728 小时
    expect(spanText(48 * 60, zh)).toBe('2 天');
    expect(spanText(728 * 60 + 20, zh)).toBe('30 天 8 小时');
    expect(termText({ name: 'deadline', value: 1011, goodness: 1, weighted: 1 }, {}, zh)).toBe('预计到场后距时限还有 17 小时');
    expect(termText({ name: 'deadline', value: -45, goodness: 0, weighted: 0 }, {}, en)).toBe('arrives 45 min after the deadline');
    expect(spanText(120, zh)).toBe('2 小时');
    expect(spanText(635, zh)).toBe('11 小时');
    expect(spanText(125, en)).toBe('2 h 5 min');
    expect(termText({ name: 'firstFix', value: 0.92, goodness: 1, weighted: 1 }, ctx, zh)).toBe('一次修复率 92%');
    expect(termText({ name: 'skillFit', value: 4, goodness: 1, weighted: 1 }, ctx, zh)).toBe('技能 电梯维修 4 级');
    expect(termText({ name: 'load', value: 3, goodness: 1, weighted: 1 }, {}, zh)).toBe('手上 3 单');
    // the server's travel term is minutes; the distance comes with the candidate
    expect(termText({ name: 'travel', value: 12.4, goodness: 1, weighted: 1 }, { travelKm: 8.04 }, en)).toBe('8 km away · about 12 min');
    expect(termText({ name: 'travel', value: 12.4, goodness: 1, weighted: 1 }, {}, zh)).toBe('路程约 12 分钟');
    expect(termText({ name: 'travel', value: null, goodness: 0, weighted: 0 }, {}, zh)).toBe('位置未知');
    // the deadline term's value is the slack in minutes (negative: late)
    expect(termText({ name: 'deadline', value: 477.1, goodness: 1, weighted: 3 }, ctx, zh)).toBe('预计到场后距时限还有 7 小时 57 分钟');
    expect(termText({ name: 'deadline', value: -12.4, goodness: 0, weighted: 0 }, ctx, zh)).toBe('预计超出时限 12 分钟到场');
    expect(termText({ name: 'deadline', value: 30, goodness: 1, weighted: 3 }, ctx, en)).toBe('arrives 30 min before the deadline');
    // 插单: the job goes between two others; the term is the travel it adds, the trip comes with the candidate
    const inserted = { travelKm: 5.04, travelMinutes: 10.1, insertBefore: 1 };
    expect(termText({ name: 'travel', value: 2.4, goodness: 1, weighted: 3 }, inserted, zh)).toBe('距离 5 公里·约 10 分钟；插单：排在未开始的第 1 单前，多走约 2 分钟');
    expect(termText({ name: 'travel', value: 2.4, goodness: 1, weighted: 3 }, inserted, en)).toBe('5 km away · about 10 min; goes before job 1 not yet started, about 2 min of extra travel');
    expect(termText({ name: 'deadline', value: 36.2, goodness: 1, weighted: 3 }, inserted, zh)).toBe('插单后各单到场距时限最少还有 36 分钟');
    expect(termText({ name: 'deadline', value: -3, goodness: 0, weighted: 3 }, inserted, en)).toBe('with it inserted, a job still arrives 3 min after its deadline');
  });

  it('words each hard rule a person fails', () => {
    expect(exclusionText({ rule: 'certification', detail: { certification: '特种设备作业证', expires: '2026-11-30' } }, zh)).toBe('证书过期：特种设备作业证（2026-11-30 到期）');
    expect(exclusionText({ rule: 'level', detail: { skill: '电梯维修', required: 3, has: 2 } }, zh)).toBe('技能不足：电梯维修 需 3 级，现 2 级');
    expect(exclusionText({ rule: 'certification', detail: { certification: '特种设备作业证', expires: null } }, zh)).toBe('缺少证书：特种设备作业证');
    expect(exclusionText({ rule: 'skill', detail: { skill: '电梯维修' } }, zh)).toBe('技能不足：没有 电梯维修');
    expect(exclusionText({ rule: 'shift', detail: {} }, zh)).toBe('不在班');
    expect(exclusionText({ rule: 'region', detail: { region: '上海市' } }, zh)).toBe('超出服务区域');
    expect(exclusionText({ rule: 'capacity', detail: { load: 5, capacity: 5 } }, zh)).toBe('已满负荷（5/5）');
    expect(exclusionText({ rule: 'capacity', detail: { load: 1, capacity: 5, today: 6, dailyLimit: 6 } }, zh)).toBe('今日已达上限（今日 6/6）');
    expect(exclusionText({ rule: 'excluded', detail: {} }, zh)).toBe('客户排除');
    // the person's own 拒单 (with their reason) or an offer let expire is not the customer's exclusion
    expect(exclusionText({ rule: 'excluded', detail: { by: 'customer' } }, zh)).toBe('客户排除');
    expect(exclusionText({ rule: 'excluded', detail: { by: 'declined', reason: '车在保养' } }, zh)).toBe('已拒单（车在保养）');
    expect(exclusionText({ rule: 'excluded', detail: { by: 'declined', reason: '车在保养' } }, en)).toBe('declined it (车在保养)');
    expect(exclusionText({ rule: 'excluded', detail: { by: 'expired' } }, zh)).toBe('未及时接单（超时退回）');
    expect(exclusionText({ rule: 'status', detail: { status: 'off_shift' } }, zh)).toBe('状态不可派（下班）');
    expect(exclusionText({ rule: 'shift', detail: {} }, en)).toBe('not on shift');
    expect(exclusionText({ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', holiday: '国庆节' } }, zh)).toBe('不在班（国庆节放假）');
    expect(exclusionText({ rule: 'shift', detail: { holiday: '国庆节' } }, en)).toBe('not on shift (国庆节 holiday)');
    // when they are next on, from the pattern (a Monday evening)
    const monEvening = new Date('2026-12-07T19:50:00');
    expect(exclusionText({ rule: 'shift', detail: { days: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '08:00' } }, zh, monEvening)).toBe('不在班（今天 20:00 上班）');
    expect(exclusionText({ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } }, zh, monEvening)).toBe('不在班（明天 08:00 上班）');
    expect(exclusionText({ rule: 'shift', detail: { days: [1], start: '08:00', end: '18:00' } }, zh, monEvening)).toBe('不在班（周一 08:00 上班）');
    expect(exclusionText({ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } }, en, monEvening)).toBe('not on shift (back tomorrow at 08:00)');
    // reasons are joined as each language writes clauses
    const two = [{ rule: 'shift' as const, detail: {} }, { rule: 'excluded' as const, detail: {} }];
    expect(exclusionsText(two, zh)).toBe('不在班；客户排除');
    expect(exclusionsText(two, en)).toBe(`not on shift; ${en('dispatchMap.rule.excluded')}`);
  });

  it('says why the person got the ticket, by mode, with the chosen terms', () => {
    const need = { kind: 'field' as const, skill: '电梯维修', level: 3 };
    expect(decisionSummary(ASSIGNMENT, need, zh)).toBe('系统按综合评分派给 张伟：距离 3.2 公里·约 6 分钟，手上 2 单，同类平均 45 分钟解决，一次修复率 92%，技能 电梯维修 4 级');
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'round_robin' }, need, zh)).toMatch(/^系统按轮询派给 张伟：/);
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'batch' }, need, zh)).toMatch(/^系统按批量最优派给 张伟/);
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'manual' }, need, zh)).toMatch(/^人工派单给 张伟：/);
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'override', overrideReason: '客户点名要他' }, need, zh)).toBe('强制派单给 张伟，原因：客户点名要他');
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'least_loaded' }, need, en)).toMatch(/^Dispatched by least loaded to 张伟: 3.2 km away · about 6 min/);
    // 日内优化 moved a job not yet started to this person
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'improve' }, need, zh)).toMatch(/^系统按日内优化派给 张伟：/);
    expect(decisionSummary({ ...ASSIGNMENT, mode: 'improve' }, need, en)).toMatch(/^Dispatched by in-day re-plan to 张伟: /);
  });

  it('names the nearest outlet when the policy dispatches to outlets', () => {
    const need = { kind: 'field' as const, skill: '电梯维修', level: 3 };
    const wu = { ...ASSIGNMENT, userName: '吴磊', decision: { ...ASSIGNMENT.decision, outlet: { id: 'o1', name: '浦东网点', km: 3.24 } } };
    expect(decisionSummary(wu, need, zh)).toMatch(/^系统派给最近的服务网点「浦东网点」（3.2 公里）的 吴磊：距离 3.2 公里·约 6 分钟/);
    expect(decisionSummary(wu, need, en)).toMatch(/^Dispatched to 吴磊 of the nearest service outlet “浦东网点” \(3.2 km\): /);
    expect(queueReasonText('no_outlet', zh)).toBe('附近没有能接这单的服务网点（网点里没有合格且有空的人）');
    expect(outletLine({ km: 18.64, eligiblePeople: 0 }, en)).toBe('18.6 km · 0 can take it');
  });

  it('words a ticket everyone eligible let expire (not_accepted) in both languages, not as its code', () => {
    expect(queueReasonText('not_accepted', zh)).toMatch(/^已派给的人均未接单/);
    expect(queueReasonText('not_accepted', en)).toMatch(/^offered to everyone eligible; nobody accepted in time/);
  });

  it('labels the assignment state', () => {
    expect(stateLabel(ASSIGNMENT, false, zh)).toBe('已派单待接单');
    expect(stateLabel({ state: 'accepted' }, false, zh)).toBe('已接单');
    expect(stateLabel(null, true, zh)).toBe('排队等待派单');
    expect(stateLabel(null, false, zh)).toBe('未派单');
  });

  it('words the dispatch steps on the timeline, with the reason', () => {
    expect(describeDispatchEvent('dispatch.declined', { userId: 'u', userName: '张伟', reason: '手上有急单' }, zh)).toEqual({ title: '张伟 拒单', lines: ['原因：手上有急单'] });
    expect(describeDispatchEvent('dispatch.offered', { userId: 'u', mode: 'scored' }, zh, () => '张伟').title).toBe('派单给 张伟（综合评分）');
    expect(describeDispatchEvent('dispatch.offered', { userId: 'u', mode: 'improve' }, zh, () => '王磊').title).toBe('派单给 王磊（日内优化）');
    expect(describeDispatchEvent('dispatch.offered', { userName: '王磊', mode: 'improve' }, en).title).toContain('in-day re-plan');
    expect(historyLine({ ...ASSIGNMENT, mode: 'improve' }, zh)).toContain(' · 日内优化 · ');
    // the job 日内优化 moved away: released with the server's fixed reason, worded in the interface language
    expect(describeDispatchEvent('dispatch.released', { userName: '李强', reason: '日内优化', to: 'u2' }, zh)).toEqual({ title: '李强 的派单已结束', lines: ['原因：日内优化'] });
    expect(describeDispatchEvent('dispatch.released', { userName: '李强', reason: '日内优化', to: 'u2' }, en).lines).toEqual(['Reason: in-day re-plan']);
    expect(describeDispatchEvent('dispatch.override', { userName: '李强', reason: '客户点名' }, zh)).toEqual({ title: '强制派单给 李强', lines: ['原因：客户点名'] });
    expect(describeDispatchEvent('dispatch.queued', { reason: 'no_capacity', mode: 'scored' }, zh)).toEqual({ title: '没有可派的人，工单进入派单队列', lines: ['原因：合格的人手上都已满负荷或不在班'] });
    expect(describeDispatchEvent('dispatch.expired', { userName: '张伟' }, en).title).toBe('张伟 did not accept in time; back to dispatch');
  });

  it("words the system's own reasons in the reader's language, a person's words as written", () => {
    expect(describeDispatchEvent('dispatch.expired', { userName: '张伟', reason: '超时未接单' }, en).lines).toEqual(['Reason: not accepted in time']);
    expect(describeDispatchEvent('dispatch.expired', { userName: '张伟', reason: '超时未接单' }, zh).lines).toEqual(['原因：超时未接单']);
    expect(describeDispatchEvent('dispatch.handed_back', { userName: '张伟', reason: '班次结束，交回未开始的工作' }, en).lines).toEqual(['Reason: shift ended: work not started handed back']);
    expect(describeDispatchEvent('dispatch.released', { userName: '张伟', reason: '已解决' }, en).lines).toEqual(['Reason: resolved']);
    const holiday = { userName: '王工', reason: '节假日休息，交回未开始的工作', holiday: '国庆节' };
    expect(describeDispatchEvent('dispatch.handed_back', holiday, zh).lines).toEqual(['原因：国庆节放假，交回未开始的工作']);
    expect(describeDispatchEvent('dispatch.handed_back', holiday, en).lines).toEqual(['Reason: public holiday (国庆节): work not started handed back']);
    const cert = { userName: '张伟', reason: '证书「特种设备作业证」在预约日 2026-12-09 无效', rule: 'certification', certification: '特种设备作业证', on: '2026-12-09' };
    expect(describeDispatchEvent('dispatch.handed_back', cert, en).lines).toEqual(['Reason: certification "特种设备作业证" not valid on the booked day 2026-12-09']);
    expect(describeDispatchEvent('dispatch.handed_back', cert, zh).lines).toEqual(['原因：证书「特种设备作业证」在预约日 2026-12-09 无效']);
    expect(describeDispatchEvent('dispatch.released', { userName: '张伟', reason: '客户要求换人' }, en).lines).toEqual(['Reason: 客户要求换人']);
  });
});

describe('the dispatch history and the queue, in words', () => {
  const expired = { ...ASSIGNMENT, userName: '何勇', mode: 'round_robin', state: 'expired', endReason: '超时未接单' } as typeof ASSIGNMENT;
  it('says why an assignment ended once, not again after its state', () => {
    expect(historyText(expired, zh)).toMatch(/何勇 · 轮询 · 超时未接单$/);
    expect(historyText(expired, en)).toMatch(/何勇 · round robin · Not accepted in time$/);
    // a reason that says more than the state is kept, in the reader's language
    const handedBack = { ...expired, state: 'handed_back', endReason: '下班，交回未开始的工作' } as typeof ASSIGNMENT;
    expect(historyText(handedBack, en)).toMatch(/ · Handed back · went off shift: work not started handed back$/);
    const declined = { ...expired, state: 'declined', endReason: '手上有急修单' } as typeof ASSIGNMENT;
    expect(historyText(declined, zh)).toMatch(/ · 已拒单 · 手上有急修单$/);
  });
  it('says since when a ticket is queued and why, with the punctuation of the language', () => {
    const queued = { since: '2026-07-12T15:18:00Z', reason: 'no_one_eligible' };
    expect(queuedText(queued, en)).toMatch(/^queued since .+: [\x20-\x7e]+$/);
    expect(queuedText(queued, en)).not.toContain('：');
    expect(queuedText(queued, zh)).toMatch(/ 起排队：/);
    expect(queuedText({ since: queued.since, reason: null }, en)).toMatch(/^queued since [^：]+$/);
  });
});

describe('work that is not on site, in words', () => {
  // round robin to 何勇 on an e-mail ticket: no trip, no position, no arrival
  const desk = {
    ...ASSIGNMENT,
    userName: '何勇',
    mode: 'round_robin',
    kind: 'ticket',
    decision: {
      ...ASSIGNMENT.decision,
      candidates: [
        {
          userId: ASSIGNMENT.userId,
          name: '何勇',
          score: 0.5,
          travelKm: null,
          terms: [
            { name: 'travel', value: null, goodness: 0.5, weighted: 0.1 },
            { name: 'load', value: 4, goodness: 0.5, weighted: 0.1 },
            { name: 'deadline', value: 591, goodness: 1, weighted: 0.2 },
          ],
        },
      ],
    },
  } as typeof ASSIGNMENT;
  const mailNeed = { ...NEED, kind: 'ticket' as const, location: null, address: null };

  it('leaves out travel, position and arrival', () => {
    const zhText = decisionSummary(desk, mailNeed, zh);
    expect(zhText).toMatch(/^系统按轮询派给 何勇：/);
    expect(zhText).toContain('距时限还有 9 小时 51 分钟');
    expect(zhText).not.toMatch(/预计到场|位置未知|距离|路程|工单无上门地址/);
    const enText = decisionSummary(desk, mailNeed, en);
    expect(enText).not.toMatch(/arrives|position|away/);
    expect(termText({ name: 'deadline', value: -30, goodness: 0, weighted: 1 }, { kind: 'chat' }, zh)).toBe('已超出时限 30 分钟');
  });

  it("takes the kind from the stored assignment, not from today's need", () => {
    expect(decisionSummary(desk, { ...mailNeed, kind: 'field' }, zh)).not.toContain('预计到场');
  });

  it('says the ticket has no site when that is why travel is unknown, the position when it is not', () => {
    const field = { ...desk, kind: 'field' } as typeof ASSIGNMENT;
    expect(decisionSummary(field, { ...NEED, location: null, address: null }, zh)).toContain('工单无上门地址');
    expect(decisionSummary(field, { ...NEED, location: null, address: null }, zh)).not.toContain('位置未知');
    expect(decisionSummary(field, NEED, zh)).toContain('位置未知');
    expect(decisionSummary(field, NEED, zh)).toContain('预计到场后距时限还有 9 小时 51 分钟');
  });

  it('titles the recommendations by the kind of work', () => {
    expect(recommendationTitle('field', zh)).toBe('推荐工程师');
    expect(recommendationTitle('ticket', zh)).toBe('推荐处理人');
    expect(recommendationTitle('chat', en)).toBe('Recommended');
  });
});
