import type { ChannelPlugin } from '../channel-plugin';
import { webAdapter } from './web-adapter';
import { webFormRoutes } from './web-routes';

/** Web forms: the public submission endpoint used by the portal and by customers' own sites. */
export const webFormPlugin: ChannelPlugin = {
  name: 'web-form',
  register(registry) {
    registry.addAdapter(webAdapter);
  },
  routes: webFormRoutes,
};
