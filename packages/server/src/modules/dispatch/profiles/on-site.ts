// Who dispatch sends on site: the tenant's default on-site capacity is for engineers; anyone else (an
// agent) goes to a site only with a field capacity of their own. buildPerson (assignment/dispatch-rules.ts)
// gives capacities by this rule, and the board and the location API ask it.

/** Whether the tenant's default on-site capacity applies to someone of this role. */
export const fieldByDefault = (role: string): boolean => role === 'engineer';

/** `fieldCapacity`: the person's own field capacity (an agent's effective one is the same: own or 0). */
export const goesOnSite = (role: string, fieldCapacity: number | null | undefined): boolean =>
  fieldByDefault(role) || (role === 'agent' && typeof fieldCapacity === 'number' && fieldCapacity > 0);
