// The official 2026 schedule of public holidays and make-up working days (调休) in mainland China:
// 国务院办公厅关于2026年部分节假日安排的通知 (published by the General Office of the State Council in November 2025).
//   元旦 1月1日–3日放假，1月4日（周日）上班；春节 2月15日–23日放假共9天，2月14日（周六）、2月28日（周六）上班；
//   清明节 4月4日–6日；劳动节 5月1日–5日，5月9日（周六）上班；端午节 6月19日–21日；中秋节 9月25日–27日；
//   国庆节 10月1日–7日，9月20日（周日）、10月10日（周六）上班。

export interface BuiltinDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

function span(name: string, from: string, to: string): BuiltinDay[] {
  const out: BuiltinDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push({ day: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
}

const workday = (name: string, day: string): BuiltinDay => ({ day, kind: 'workday', name: `${name}调休上班` });

export const CHINA_2026: readonly BuiltinDay[] = Object.freeze(
  [
    ...span('元旦', '2026-01-01', '2026-01-03'),
    workday('元旦', '2026-01-04'),
    workday('春节', '2026-02-14'),
    ...span('春节', '2026-02-15', '2026-02-23'),
    workday('春节', '2026-02-28'),
    ...span('清明节', '2026-04-04', '2026-04-06'),
    ...span('劳动节', '2026-05-01', '2026-05-05'),
    workday('劳动节', '2026-05-09'),
    ...span('端午节', '2026-06-19', '2026-06-21'),
    workday('国庆节', '2026-09-20'),
    ...span('中秋节', '2026-09-25', '2026-09-27'),
    ...span('国庆节', '2026-10-01', '2026-10-07'),
    workday('国庆节', '2026-10-10'),
  ].map((d) => Object.freeze(d)),
);

/** The built-in schedules by year (the `from-builtin` route offers these). */
export const BUILTIN_SCHEDULES: Readonly<Record<number, readonly BuiltinDay[]>> = { 2026: CHINA_2026 };
