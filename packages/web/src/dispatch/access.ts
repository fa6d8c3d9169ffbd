import type { Me } from '../api/types';

/** Who sees the 派单地图 (the board's roles: GET /dispatch/board answers admins, supervisors and agents). */
export const canDispatch = (me: Pick<Me, 'role'>) => me.role === 'admin' || me.role === 'supervisor' || me.role === 'agent';
