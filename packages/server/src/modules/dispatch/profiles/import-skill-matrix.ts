import type { Deps } from '../../../platform/deps';
import { requireRole, usersByIdsOrEmails, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { profileRepository } from './profile-repository';
import { readSkillMatrixCsv, type RowFailure } from './skill-matrix-csv';

/**
 * The skill matrix from a CSV file (admins and supervisors): each good row sets a person's skill level
 * and/or certification; a bad row (unreadable, unknown email) fails alone, with its line in the file
 * (the header is line 1) and why, as a stable issue code and in English.
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
    // a preview: what would be written and what fails, nothing written
    if (opts.dryRun) return good.length;
    const skills = good.flatMap((r) => (r.skill ? [{ userId: byEmail.get(r.email.toLowerCase())!, skill: r.skill.name, level: r.skill.level }] : []));
    if (skills.length) await profileRepository.applySkillChanges(q, actor.tenantId, skills, now);
    for (const r of good) if (r.certification) await profileRepository.putCertification(q, actor.tenantId, byEmail.get(r.email.toLowerCase())!, r.certification, now);
    return good.length;
  });
  return { updated: applied, failed: failed.sort((a, b) => a.row - b.row), ...(opts.dryRun ? { dryRun: true as const } : {}) };
}
