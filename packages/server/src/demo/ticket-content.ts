import type { Channel } from '../modules/tickets';
import { DEVICE_MODELS, ELEVATORS, type Tier } from './data';
import type { Contact } from './demo-customers';
import { localDate, SHANGHAI } from './demo-format';
import { DAY, type Random } from './random';
import type { Template } from './templates';

// What one ticket says: the values of the template placeholders, its custom fields and tags.
// The order of the random draws is part of the seed's output — keep it.

const ZH_EXTRAS = ['今天下午 3 点以后都有人在。', '上次来的工程师留的电话打不通。', '旁边那台同型号的设备是好的。', '门口保安处登记一下就可以进来。'];
const EN_EXTRAS = ['Someone will be at reception all afternoon.', 'The same issue happened last month as well.', 'Please call before you come.'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface WordsInput {
  template: Template;
  english: boolean;
  createdAt: number;
  requesterName: string;
  contact?: Contact;
  /** Phone of a requester not yet known as a contact. */
  newcomerPhone?: string;
  elevator?: (typeof ELEVATORS)[number];
  engineerName: string;
  agentName: string;
}

/** Placeholder values ({name}, {order}, {model}, …) and the device model chosen. */
export function ticketWords(rng: Random, input: WordsInput): { words: Record<string, string>; modelKey: string } {
  const { template, english, createdAt, contact, elevator } = input;
  const org = contact?.org;
  const building = elevator?.building ?? (org?.buildings ? rng.pick(org.buildings) : '1 号楼');
  const floor = rng.int(2, 28);
  const month = new Date(createdAt + SHANGHAI).getUTCMonth();
  const amount = String(rng.pick([39, 99, 128, 299, 468, 599, 1280, 2350, 4999]));
  const modelKey = elevator?.model ?? (template.fields?.device_model ? rng.pick(template.fields.device_model) : 'other');
  const model = DEVICE_MODELS.find((m) => m.value === modelKey)!;
  const words: Record<string, string> = {
    name: input.requesterName,
    phone: contact?.phone ?? input.newcomerPhone ?? `138${rng.digits(8)}`,
    email: contact?.email ?? 'finance@example.com',
    org: org?.name ?? '',
    place: org ? rng.pick(org.places) : english ? 'office' : '家里',
    building,
    car: String(elevator?.car ?? rng.int(1, 6)),
    device: elevator?.device ?? `ELV-${rng.digits(4)}`,
    floor: String(floor),
    floor2: String(floor + 1),
    people: String(rng.int(1, 5)),
    order: `DD${localDate(createdAt).replace(/-/g, '')}${rng.digits(6)}`,
    invoice: `INV-${rng.digits(8)}`,
    amount,
    month: String(month + 1),
    monthEn: MONTHS_EN[month],
    date: localDate(createdAt - rng.int(1, 10) * DAY),
    count: String(rng.int(2, 8)),
    eng: input.engineerName,
    agent: input.agentName,
    time: `${rng.int(14, 18)}:${rng.pick(['00', '30'])}`,
    digits: rng.digits(10),
    model: english ? model.label_en : model.label_zh,
    extra: english ? rng.pick(EN_EXTRAS) : rng.pick(ZH_EXTRAS),
    askFor: english ? 'a screenshot and the order number' : rng.pick(['故障设备', '报错界面', '设备铭牌']),
  };
  return { words, modelKey };
}

export interface FieldsInput {
  template: Template;
  words: Record<string, string>;
  modelKey: string;
  createdAt: number;
  tier: Tier;
  channel: Channel;
}

/** Custom field values the template asks for, and tags. */
export function ticketFields(rng: Random, input: FieldsInput): { customFields: Record<string, unknown>; tags: string[] } {
  const { template, createdAt } = input;
  const f = template.fields ?? {};
  const customFields: Record<string, unknown> = {};
  if (f.device_model) customFields.device_model = input.modelKey;
  if (f.fault_date) customFields.fault_date = localDate(createdAt - rng.int(0, 2) * DAY);
  if (f.onsite) customFields.onsite = f.onsite === 'either' ? rng.pick(['yes', 'no']) : f.onsite;
  if (f.order_no && (template.cases.some((c) => c.titles.some((t) => t.includes('{order}'))) || rng.chance(0.7))) customFields.order_no = input.words.order;
  if (f.severity) customFields.severity = rng.weighted({ general: 6, serious: 3, major: 1 });
  if (f.compensation && rng.chance(0.3)) customFields.compensation = rng.pick([50, 100, 200, 500]);
  if (f.callback_time && rng.chance(0.4)) customFields.callback_time = rng.pick(['工作日 9:00-18:00', '下午 2 点以后', '随时可以', '中午 12 点到 1 点']);
  const tags = [...template.tags];
  if (input.tier !== 'standard') tags.push('VIP客户');
  if (input.channel === 'iot') tags.push('设备告警');
  if (rng.chance(0.1)) tags.push(rng.pick(['回访', '重复报修', '夜间']));
  return { customFields, tags };
}
