import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';
import { CUSTOMER_TIERS } from '../../customers';
import { CHANNELS, PRIORITIES } from '../../tickets';
import type { RuleRow } from './rule-repository';
import { Level, SkillName } from './profile-schemas';

const Names = z.array(z.string().trim().min(1).max(64)).max(50);

/** When a rule applies: every list given must contain the ticket's value. */
export const RuleConditions = z.strictObject({
  categoryIds: z.array(Uuid).max(100).optional(),
  typeIds: z.array(Uuid).max(100).optional(),
  tiers: z.array(z.enum(CUSTOMER_TIERS)).optional(),
  channels: z.array(z.enum(CHANNELS)).optional(),
  productLines: Names.optional(),
  priorities: z.array(z.enum(PRIORITIES)).optional(),
});
/** What a person must have to be sent. */
export const RuleRequirements = z.strictObject({
  skill: SkillName.optional(),
  level: Level.optional(),
  certification: z.string().trim().min(1).max(100).optional(),
  language: z.string().trim().min(2).max(16).optional(),
  region: z.string().trim().min(1).max(64).optional(),
  productLine: z.string().trim().min(1).max(64).optional(),
  onSite: z.boolean().optional(),
  onSiteMinutes: z.number().int().min(5).max(1440).optional().describe('Expected minutes on site (预计现场工时); without it, what the category\'s completed visits took, else 60'),
  teamId: Uuid.optional(),
});
export type Conditions = z.output<typeof RuleConditions>;
export type Requirements = z.output<typeof RuleRequirements>;

export const RuleBody = z.strictObject({
  name: z.string().trim().min(1, 'a rule needs a name').max(100),
  enabled: z.boolean().default(true),
  conditions: RuleConditions.default({}),
  requirements: RuleRequirements,
});
export const RulePatch = z.strictObject({
  name: RuleBody.shape.name.optional(),
  enabled: z.boolean().optional(),
  conditions: RuleConditions.optional(),
  requirements: RuleRequirements.optional(),
});
export type RuleInput = z.output<typeof RuleBody>;
export type RuleChanges = z.output<typeof RulePatch>;
export const ReorderBody = z.strictObject({ ids: z.array(Uuid).max(1000).describe('Every rule of the tenant, in the new order') });

export const RuleSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    position: z.number().int(),
    enabled: z.boolean(),
    conditions: RuleConditions,
    requirements: RuleRequirements,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DispatchRule' });
export const RuleList = z.object({ items: z.array(RuleSchema) });

export const toRuleView = (r: RuleRow) => ({
  id: r.id,
  name: r.name,
  position: r.position,
  enabled: r.enabled,
  conditions: r.conditions as Conditions,
  requirements: r.requirements as Requirements,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
export type RuleView = ReturnType<typeof toRuleView>;
