import { fill } from './demo-format';
import type { Random } from './random';
import type { Template } from './templates';

// How people actually write a ticket: a greeting or a plea, the typos of a Chinese input method,
// English words in Chinese text (and Chinese in English), titles that say nothing ("报修", "如题"),
// and now and then a ticket whose text says almost nothing because the rest was said on the phone.
// Without this the demo's tickets come from a few dozen sentences and a model scores 100 % on them.

const ZH_OPENERS = ['您好，', '你好，', '在吗？', '麻烦问一下，', '急！', '师傅好，', 'hi，', '打扰一下，'];
const ZH_CLOSERS = ['谢谢！', '麻烦尽快处理。', '辛苦了。', '谢谢啦', '等回复。', '尽快！！', 'thx'];
/** Slips of a pinyin input method: the word meant, the word typed. */
const ZH_TYPOS: [string, string][] = [
  ['登录', '登陆'],
  ['账号', '帐号'],
  ['已经', '以经'],
  ['收到', '受到'],
  ['打印机', '打印几'],
  ['验证码', '验证吗'],
  ['发票', '发漂'],
  ['电梯', '电题'],
  ['网络', '网落'],
  ['显示器', '显示气'],
  ['交换机', '交换鸡'],
  ['麻烦', '麻凡'],
];
/** English words Chinese speakers mix in. */
const ZH_ENGLISH: [string, string][] = [
  ['打印机', 'printer'],
  ['电脑', 'PC'],
  ['笔记本', 'laptop'],
  ['无线网络', 'wifi'],
  ['Wi-Fi', 'wifi'],
  ['发票', 'invoice'],
  ['退款', 'refund'],
  ['账号', 'account'],
  ['登录', 'login'],
  ['验证码', 'code'],
  ['蓝屏', 'blue screen'],
  ['快递', '物流'],
  ['邮箱', 'email'],
];
const ZH_BLAND_TITLES = ['报修', '求助！', '问题反馈', '紧急', '【工单】请处理', '有个问题', '还是上次那个问题', '如题', '请尽快安排', '急急急'];
const ZH_VAGUE = ['电话里已经说明情况了，麻烦尽快安排。', '具体情况见附件。', '同上，还是没解决。', '如题，麻烦跟进一下。', '情况比较急，请回电 {phone}。'];

const EN_OPENERS = ['Hi,', 'Hello team,', 'Dear support,', 'hi there -', ''];
const EN_CLOSERS = ['Thanks', 'Regards, {name}', 'thx', 'Please advise.', '谢谢', 'Many thanks!'];
const EN_TYPOS: [string, string][] = [
  ['received', 'recieved'],
  ['address', 'adress'],
  ['please', 'pls'],
  ['because', 'becuase'],
  ['invoice', 'invocie'],
  ['delivered', 'deliverd'],
  ['tomorrow', 'tommorow'],
];
const EN_BLAND_TITLES = ['Urgent', 'Help needed', 'Issue', 'Follow up', 'Request', 'Problem again'];
const EN_VAGUE = ['See my phone call this morning, please follow up.', 'As discussed, please handle.', 'Details in the attachment.'];

export interface Wording {
  title: string;
  description: string;
}

/** Replaces one occurrence of each listed word, each with probability `p`. */
function swap(rng: Random, text: string, pairs: [string, string][], p: number): string {
  let out = text;
  for (const [from, to] of pairs) if (out.includes(from) && rng.chance(p)) out = out.replace(from, to);
  return out;
}

/** The first clause of a text, as people reuse it as a title. */
const firstClause = (text: string) => text.split(/[，。！？,.!?]/)[0].slice(0, 24);

/** Title and description of one ticket: a case of the template, filled in and worded as a person would. */
export function wordTicket(rng: Random, template: Template, words: Record<string, string>, english: boolean): Wording {
  const c = rng.pick(template.cases);
  let title = fill(rng.pick(c.titles), words);
  let description = fill(rng.pick(c.descriptions), words);
  const roll = rng.next();
  if (roll < 0.05) {
    // the details were given on the phone or in an attachment: neither title nor text says what it is
    title = rng.pick(english ? EN_BLAND_TITLES : ZH_BLAND_TITLES);
    description = fill(rng.pick(english ? EN_VAGUE : ZH_VAGUE), words);
  } else if (roll < 0.2) title = rng.pick(english ? EN_BLAND_TITLES : ZH_BLAND_TITLES);
  else if (roll < 0.3) title = firstClause(description) || title;
  if (english) {
    description = swap(rng, description, EN_TYPOS, 0.25);
    if (rng.chance(0.3)) description = description.toLowerCase();
    description = [rng.chance(0.5) ? rng.pick(EN_OPENERS) : '', description, rng.chance(0.5) ? fill(rng.pick(EN_CLOSERS), words) : ''].filter(Boolean).join(' ');
  } else {
    description = swap(rng, description, ZH_TYPOS, 0.2);
    description = swap(rng, description, ZH_ENGLISH, 0.15);
    title = swap(rng, title, ZH_ENGLISH, 0.1);
    description = `${rng.chance(0.4) ? rng.pick(ZH_OPENERS) : ''}${description}${rng.chance(0.4) ? rng.pick(ZH_CLOSERS) : ''}`;
  }
  return { title, description };
}
