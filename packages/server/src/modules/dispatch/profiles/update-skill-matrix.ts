import type { Deps } from '../../../platform/deps';
import { fieldsInvalid } from '../../../platform/errors';
import { activeStaffIds, requireRole, usersByIdsOrEmails, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { profileRepository } from './profile-repository';
import { MAX_SKILLS } from './profile-schemas';
import { overSkillLimit } from './skill-limit';

export interface SkillChange {
  userId: string;
  skill: string;
  /** null removes the skill */
  level: number | null;
}

/**
 * The skill matrix's bulk edit (admins and supervisors): every change or none, in one transaction. A
 * change for someone who is not active staff of the tenant refuses the whole request, naming each; so
 * does a person who would end up with more than MAX_SKILLS skills (the profile's limit).
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
    // at most MAX_SKILLS a person, as the profile allows: what they have with these changes merged in
    const ids = [...new Set(trimmed.map((c) => c.userId))];
    const current = new Map((await profileRepository.byUsers(q, ids)).map((p) => [p.user_id, p.skills]));
    const over = overSkillLimit(current, trimmed);
    if (over.length) {
      const people = new Map((await usersByIdsOrEmails(q, over.map((o) => o.userId), [])).map((u) => [u.id, u]));
      throw fieldsInvalid(over.map((o) => {
        const who = people.get(o.userId);
        const name = who ? `${who.name} (${who.email})` : o.userId;
        return { field: 'changes', code: 'too_many' as const, value: who?.email ?? o.userId, message: `${name} would have ${o.count} skills; a person has at most ${MAX_SKILLS}. Remove skills they no longer need (level null) in the same request, or add fewer` };
      }));
    }
    return { updated: await profileRepository.applySkillChanges(q, actor.tenantId, trimmed, now) };
  });
}
