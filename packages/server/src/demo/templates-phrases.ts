// Answers shared by several ticket scripts: customers' follow-ups, requests for information, reasons to wait.

export const ZH_CUSTOMER = ['好的，谢谢！', '收到，我们这边等你们消息。', '已经按你们说的操作了，还是不行，麻烦再看看。', '请问大概什么时候能处理好？我们这边比较急。', '补充一下：{extra}'];
export const ZH_ASK = ['您好，为了尽快处理，请提供一下{askFor}，谢谢。', '您好，麻烦拍一张{askFor}的照片发给我们，方便工程师判断。'];
export const ZH_HOLD = ['备件已申请，等待仓库发货（备件单号 BJ{digits}），到货后安排上门。', '需要厂家技术支持，已提交厂家工单，等待回复。', '客户要求下周一后再上门，暂时挂起。'];
export const EN_CUSTOMER = ['Thanks, looking forward to your update.', 'I tried that but it still does not work.', 'Any news on this? It is getting urgent for us.', 'One more detail: {extra}'];
export const EN_ASK = ['Hi {name}, could you please send us {askFor}? That will help us sort this out quickly.'];
export const EN_HOLD = ['Waiting for the finance team to confirm the adjustment.', 'Escalated to the carrier, waiting for their reply.'];
