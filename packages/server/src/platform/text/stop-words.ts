// Words that say nothing about what a ticket is about: pronouns, greetings, fillers, and the words
// every ticket uses ("问题", "problem"). Finding tickets "sharing a word" must not count them, or
// every ticket shares a word with every other. Lower case, as the segmenter's tokens are.

const ZH = `这个 那个 这些 那些 这里 那里 这样 那样 这边 那边 这种 那种 一个 一些 一下 一点 一直 一样 一般 一次 一天 每天 每次
我们 你们 他们 她们 它们 我的 你的 他的 她的 自己 大家 咱们 您好 你好 谢谢 感谢 麻烦 请问 请 帮忙 帮我 帮助 辛苦 尽快 马上 赶紧
问题 情况 事情 东西 时候 现在 目前 今天 昨天 明天 刚才 最近 之前 之后 以后 以前 已经 还是 还有 还在 而且 但是 可是 不过 因为 所以
如果 虽然 然后 或者 以及 并且 什么 怎么 怎么办 为什么 哪里 多少 是否 是不是 能不能 可不可以 有没有 没有 不能 不会 不是 可以 可能
需要 应该 希望 想要 知道 觉得 处理 解决 出现 发现 一起 总是 经常 还会 就是 不了 一会 好的 好像 非常 特别 比较 有点 有些 所有 其他
客户 用户 工单 反馈 联系 回复 看看 看下 看一下 能否 好几 几次 多次 一直是 怎么回事`;

const EN = `a an the and or but if so to of in on at by for with from into onto about as is are was were be been being am do does did
done have has had having i me my we our you your he she it its they them their this that these those there here what which who whom whose
when where why how can cannot can't could would should will won't shall may might must not no nor yes please thanks thank hello hi dear
regards sir madam issue issues problem problems help ticket still again just also very really some any all each every other another than
then now today yesterday tomorrow get got getting any anything something nothing`;

export const STOP_WORDS: ReadonlySet<string> = new Set([...ZH.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));
