import { z } from 'zod';
import { WARNING_CODES } from './rule-warnings';
import { RuleSchema } from './rule-schemas';

// The tenant's known values with how many active people hold each (GET dispatch/vocabulary), and a
// saved rule with the warnings on it (POST / PATCH dispatch/rules).

const Term = z.object({ name: z.string(), people: z.number().int().describe('active people who hold it') });
const Terms = z.array(Term).describe('most held first, then by name');

export const VocabularySchema = z
  .object({
    skills: Terms,
    certifications: z.array(Term.extend({ valid: z.number().int().describe("of them, those whose certification is valid today (the tenant's day; never-expiring ones included)") })),
    regions: Terms,
    productLines: Terms,
    languages: Terms,
  })
  .meta({ id: 'DispatchVocabulary' });

export const RuleWarningSchema = z
  .object({
    field: z.string().describe('the form field it is about: requirements.skill, requirements.certification, requirements.language, requirements.region, requirements.productLine, or requirements (all of them together)'),
    code: z
      .enum(WARNING_CODES)
      .describe('NOBODY_QUALIFIES: no active person has it (a skill at the level asked); ALL_EXPIRED: the certification is held, but expired today by all; NOBODY_MEETS_ALL: each requirement is met by someone, all of them by nobody'),
    message: z.string().describe('the same in English'),
    value: z.string().optional().describe('the required value named'),
    level: z.number().int().optional().describe('the skill level asked, above 1'),
    holders: z.number().int().optional().describe('ALL_EXPIRED: how many hold it, expired'),
  })
  .meta({ id: 'DispatchRuleWarning' });

export const RuleSavedSchema = RuleSchema.extend({
  warnings: z.array(RuleWarningSchema).describe("Requirements nobody meets among the tenant's active people: the rule is saved, but the tickets it matches would wait in the queue. Empty when someone qualifies, or the rule is disabled"),
}).meta({ id: 'DispatchRuleSaved' });
