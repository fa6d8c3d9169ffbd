import type { Queryable } from '../../../platform/db/database';
import { fieldsInvalid, type FieldIssue } from '../../../platform/errors';
import { categoryExists, ticketTypeExists } from '../../catalog';
import { teamExists } from '../../identity';
import type { Conditions, Requirements } from './rule-schemas';

/** The categories, ticket types and team a rule names must exist in the tenant; all missing ones are named. */
export async function checkRuleReferences(q: Queryable, conditions: Conditions | undefined, requirements: Requirements | undefined): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [i, id] of (conditions?.categoryIds ?? []).entries())
    if (!(await categoryExists(q, id))) issues.push({ field: `conditions.categoryIds.${i}`, code: 'not_found', message: `Category ${id} does not exist; pick one of the tenant's categories`, value: id });
  for (const [i, id] of (conditions?.typeIds ?? []).entries())
    if (!(await ticketTypeExists(q, id))) issues.push({ field: `conditions.typeIds.${i}`, code: 'not_found', message: `Ticket type ${id} does not exist; pick one of the tenant's ticket types`, value: id });
  if (requirements?.teamId && !(await teamExists(q, requirements.teamId)))
    issues.push({ field: 'requirements.teamId', code: 'not_found', message: `Team ${requirements.teamId} does not exist; pick one of the tenant's teams`, value: requirements.teamId });
  if (requirements?.level !== undefined && !requirements.skill)
    issues.push({ field: 'requirements.level', code: 'required', message: 'A level needs the skill it is a level of' });
  if (issues.length) throw fieldsInvalid(issues);
}
