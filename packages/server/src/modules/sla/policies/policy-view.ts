import type { StoredPolicy } from './policy-repository';

export function toPolicyView(p: StoredPolicy) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    position: p.position,
    active: p.active,
    conditions: p.conditions,
    calendarId: p.calendarId,
    targets: p.targets,
    warnRemaining: p.warnRemaining,
    firstResponseOn: p.firstResponseOn,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type SlaPolicyView = ReturnType<typeof toPolicyView>;
