// Who dispatch sends on site, as the pool decides it (assignment/dispatch-rules.ts buildPerson): the
// default on-site capacity is for engineers; an agent goes to a site only with a field capacity of their own.

/** `fieldCapacity`: the person's own field capacity (an agent's effective one is the same: own or 0). */
export const goesOnSite = (role: string, fieldCapacity: number | null | undefined): boolean =>
  role === 'engineer' || (role === 'agent' && typeof fieldCapacity === 'number' && fieldCapacity > 0);
