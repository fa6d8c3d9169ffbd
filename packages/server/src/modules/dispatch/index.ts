// Dispatch (智能派单): who can take which ticket, where they are, and the assignments the engine or a
// dispatcher made with their reasons. Other modules use only this surface.
export type * from './engine/types';
export { dispatchProfileRoutes } from './profile-routes';
export { STATUS_CHANGED } from './profiles/announce-status';
export type { PositionMessage } from './profiles/report-location';
export { updateProfile } from './profiles/update-profile';
export { createOutlet } from './profiles/create-outlet';
export { createRule } from './profiles/create-rule';
export { putPolicy } from './profiles/put-policy';
export { reportLocation } from './profiles/report-location';
