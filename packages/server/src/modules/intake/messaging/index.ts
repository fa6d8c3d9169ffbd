import type { ChannelPlugin } from '../channel-plugin';
import { dingtalkAdapter } from './dingtalk/dingtalk-adapter';
import { dingtalkCallback } from './dingtalk/dingtalk-callback';
import { dingtalkSender } from './dingtalk/dingtalk-sender';
import { feishuAdapter } from './feishu/feishu-adapter';
import { feishuCallback } from './feishu/feishu-callback';
import { feishuSender } from './feishu/feishu-sender';
import { callbackRoutes } from './shared/callback-routes';
import { wechatAdapter } from './wechat/wechat-adapter';
import { wechatCallback } from './wechat/wechat-callback';
import { wechatSender } from './wechat/wechat-sender';
import { wecomAdapter } from './wecom/wecom-adapter';
import { wecomCallback } from './wecom/wecom-callback';
import { wecomSender } from './wecom/wecom-sender';

// The messaging platforms: WeCom (企业微信), the WeChat Official Account (微信公众号), DingTalk (钉钉)
// and Feishu (飞书). Each has a callback endpoint (/callbacks/<platform>/<channel id>), an adapter
// that turns its stored messages into tickets, and a sender of staff replies through its open API.
export const messagingPlugin: ChannelPlugin = {
  name: 'messaging',
  register(r) {
    r.addAdapter(wecomAdapter).addSender(wecomSender);
    r.addAdapter(wechatAdapter).addSender(wechatSender);
    r.addAdapter(dingtalkAdapter).addSender(dingtalkSender);
    r.addAdapter(feishuAdapter).addSender(feishuSender);
  },
  routes: callbackRoutes([wecomCallback, wechatCallback, dingtalkCallback, feishuCallback]),
};
