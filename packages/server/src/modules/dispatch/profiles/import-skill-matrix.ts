import type { Deps } from '../../../platform/deps';
import { requireRole, usersByIdsOrEmails, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { profileRepository } from './profile-repository';
import { MAX_SKILLS } from './profile-schemas';
import { readSkillMatrixCsv, type RowFailure } from './skill-matrix-csv';

/**
 * The skill matrix from a CSV file (admins and supervisors): each good row sets a person's skill level
 * and/or certification; a bad row (unreadable, unknown email) fails alone, with its line in the file
 * (the header is line 1) and why, as a stable issue code and in English. A row that would give a person
 * more than MAX_SKILLS skills (what they have counted) fails too (too_many_skills).
 * `updated` counts the rows applied; with `dryRun` nothing is written and `updated` counts the rows that would be.
 */
export async function importSkillMatrix(deps: Deps, actor: Actor, text: string, opts: { dryRun?: boolean } = {}): Promise<{ updated: number; failed: RowFailure[]; dryRun?: true }> {
  requireRole(actor, DISPATCH_MANAGERS);
  const { rows, failed } = readSkillMatrixCsv(text);
  const now = deps.clock.now();
  const applied = await deps.db.tenant(actor.tenantId, async (q) => {
    const emails = [...new Set(rows.map((r) => r.email.toLowerCase()))];
    const people = await usersByIdsOrEmails(q, [], emails);
    const byEmail = new Map(people.filter((u) => u.active && u.role !== 'customer').map((u) => [u.email.toLowerCase(), u.id]));
    const good = rows.filter((r) => {
      if (byEmail.has(r.email.toLowerCase())) return true;
      failed.push({ row: r.row, code: 'NOT_FOUND', issue: 'unknown_email', value: r.email, message: `No active staff member signs in as ${r.email}; check the email` });
      return false;
    });
    // at most MAX_SKILLS a person, as the profile allows, counting what they have: a row that would add a
    // skill past it fails (the rows before it stand); a row changing the level of a skill they have never does
    const current = new Map((await profileRepository.byUsers(q, [...new Set(byEmail.values())])).map((p) => [p.user_id, new Set(Object.keys(p.skills))]));
    const within = good.filter((r) => {
      if (!r.skill) return true;
      const userId = byEmail.get(r.email.toLowerCase())!;
      const has = current.get(userId) ?? new Set<string>();
      current.set(userId, has);
      if (has.has(r.skill.name) || has.size < MAX_SKILLS) {
        has.add(r.skill.name);
        return true;
      }
      failed.push({ row: r.row, code: 'VALIDATION_FAILED', issue: 'too_many_skills', value: r.email, skill: r.skill.name, message: `${r.email} already has ${MAX_SKILLS} skills, the most a person may have; remove skills they no longer need in the skill matrix before adding ${r.skill.name}` });
      return false;
    });
    // a preview: what would be written and what fails, nothing written
    if (opts.dryRun) return within.length;
    const skills = within.flatMap((r) => (r.skill ? [{ userId: byEmail.get(r.email.toLowerCase())!, skill: r.skill.name, level: r.skill.level }] : []));
    if (skills.length) await profileRepository.applySkillChanges(q, actor.tenantId, skills, now);
    for (const r of within) if (r.certification) await profileRepository.putCertification(q, actor.tenantId, byEmail.get(r.email.toLowerCase())!, r.certification, now);
    return within.length;
  });
  return { updated: applied, failed: failed.sort((a, b) => a.row - b.row), ...(opts.dryRun ? { dryRun: true as const } : {}) };
}
