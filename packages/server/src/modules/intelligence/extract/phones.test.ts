import { describe, expect, it } from 'vitest';
import { extractFields } from './index';

const now = new Date('2026-03-13T10:00:00+08:00');
const of = (text: string, kind?: string) => extractFields(text, { now }).filter((e) => !kind || e.kind === kind);
const values = (text: string, kind: string) => of(text, kind).map((e) => e.value);

describe('mobile numbers', () => {
  it.each([
    ['手机 13800138000', '13800138000'],
    ['电话：138-0013-8000', '13800138000'],
    ['call me at 138 0013 8000 thanks', '13800138000'],
    ['+86 139 1234 5678', '13912345678'],
    ['+8613912345678', '13912345678'],
    ['0086 15012345678', '15012345678'],
    ['联系方式19912345678。', '19912345678'],
    ['手机：+86-138-0013-8000；', '13800138000'],
    ['a,13800138000,b', '13800138000'],
    ['手机１３８００１３８０００', '13800138000'],
  ])('%s → %s', (text, value) => {
    expect(values(text, 'mobile')).toEqual([value]);
  });

  it('reports the original (full-width) substring and its span', () => {
    const text = '手机１３８００１３８０００好';
    const [m] = of(text, 'mobile');
    expect(m).toMatchObject({ text: '１３８００１３８０００', start: 2, end: 13 });
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
  });

  it.each([
    ['身份证 110105199001011234', 'an ID card number'],
    ['身份证号 11010519491231002X', 'an ID card with X'],
    ['12138001380001 is longer', 'a longer digit run'],
    ['12800138000', 'second digit 2'],
    ['1380013800', 'ten digits'],
    ['版本 v13800138000', 'prefixed by a letter'],
    ['银行卡 6222021380013800012', 'a bank card'],
    ['https://example.com/u/13800138000', 'inside a URL'],
    ['价格 13800138000.50', 'a decimal'],
  ])('%s is not a mobile (%s)', (text) => {
    expect(values(text, 'mobile')).toEqual([]);
  });

  it('a number inside an order number is not a phone', () => {
    const r = of('订单号 DD138001380001 已发货');
    expect(r.map((e) => e.kind)).toEqual(['order']);
    const r2 = of('订单号：13800138000');
    expect(r2.map((e) => e.kind)).toEqual(['order']);
  });

  it('finds several', () => {
    expect(values('13800138000 或 13900139000', 'mobile')).toEqual(['13800138000', '13900139000']);
  });
});

describe('landlines and service numbers', () => {
  it.each([
    ['座机 010-12345678', '010-12345678'],
    ['(0755)8888-1234', '0755-88881234'],
    ['（0755）88881234', '0755-88881234'],
    ['0755 8888 1234', '0755-88881234'],
    ['021-6888-1234', '021-68881234'],
    ['总机 010-12345678转123', '010-12345678-123'],
    ['0571-8765432', '0571-8765432'],
    ['客服 400-820-8820', '400-820-8820'],
    ['800 810 8888', '800-810-8888'],
    ['4008208820', '400-820-8820'],
    ['０１０－１２３４５６７８', '010-12345678'],
    ['电话：021 6888 1234；', '021-68881234'],
    ['0755-86013388转8001', '0755-86013388-8001'],
  ])('%s → %s', (text, value) => {
    expect(values(text, 'landline')).toEqual([value]);
  });

  it.each([['2026-03-02'], ['价格 4000元'], ['编号 1400-820-88201'], ['0755-123']])('%s is not a landline', (text) => {
    expect(values(text, 'landline')).toEqual([]);
  });
});
