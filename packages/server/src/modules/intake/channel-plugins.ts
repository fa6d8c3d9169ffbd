import type { ChannelPlugin } from './channel-plugin';
import { messagingPlugin } from './messaging';
import { emailPlugin } from './email/email-plugin';
import { webFormPlugin } from './web/web-plugin';
import { phonePlugin } from './phone/phone-plugin';
import { chatPlugin } from './chat/chat-plugin';
import { iotPlugin } from './iot/iot-plugin';

/** Every channel family of the product; main.ts registers their adapters, routes and listeners. */
export const CHANNEL_PLUGINS: ChannelPlugin[] = [
  messagingPlugin,
  emailPlugin,
  webFormPlugin,
  phonePlugin,
  chatPlugin,
  iotPlugin,
];
