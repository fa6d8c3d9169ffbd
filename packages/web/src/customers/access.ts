import type { Me } from '../api/types';

// Who may change customers (the server decides; the console only offers what it would allow).
export const canWriteCustomers = (me: Me) => me.role === 'admin' || me.role === 'supervisor' || me.role === 'agent';
export const canMergeContacts = (me: Me) => me.role === 'admin' || me.role === 'supervisor';
