import type { Deps } from '../../../platform/deps';
import { fieldsInvalid } from '../../../platform/errors';
import { activeStaffIds, requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { profileRepository } from './profile-repository';

export interface SkillChange {
  userId: string;
  skill: string;
  /** null removes the skill */
  level: number | null;
}

/**
 * The skill matrix's bulk edit (admins and supervisors): every change or none, in one transaction. A
 * change for someone who is not active staff of the tenant refuses the whole request, naming each.
 */
export async function updateSkillMatrix(deps: Deps, actor: Actor, changes: SkillChange[]): Promise<{ updated: number }> {
  requireRole(actor, DISPATCH_MANAGERS);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const staff = new Set(await activeStaffIds(q, [...new Set(changes.map((c) => c.userId))]));
    const issues = changes.flatMap((c, i) =>
      staff.has(c.userId) ? [] : [{ field: `changes.${i}.userId`, code: 'not_staff' as const, message: `Change ${i + 1}: ${c.userId} is not active staff of this tenant; remove the change` }],
    );
    if (issues.length) throw fieldsInvalid(issues);
    const trimmed = changes.map((c) => ({ ...c, skill: c.skill.trim() }));
    return { updated: await profileRepository.applySkillChanges(q, actor.tenantId, trimmed, now) };
  });
}
