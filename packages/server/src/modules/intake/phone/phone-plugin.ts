import type { ChannelPlugin } from '../channel-plugin';
import { ctiRoutes } from './cti-routes';
import { phoneAdapter } from './phone-adapter';

/** Phone / call center: CTI call events pop the agent console and record calls on tickets. */
export const phonePlugin: ChannelPlugin = {
  name: 'phone',
  register(registry) {
    registry.addAdapter(phoneAdapter);
  },
  routes: ctiRoutes,
};
