import { z } from 'zod';
import { RoutingRuleSchema } from '../intake';
import { STATUSES } from '../tickets';
import { REASON_KINDS } from './reasons';

const Target = z.enum(['category', 'team', 'priority']);

export const IntelligenceSettingsSchema = z
  .object({
    threshold: z.number().describe('Below this confidence (0–1) a model does not label a ticket; the ticket is tagged 待分拣 for a human'),
    autoApply: z.boolean().describe('Set confident predictions on new tickets (false: only suggest them)'),
    rules: z.array(z.looseObject({})).describe('Cold-start keyword rules, used for a target while it has no trained model'),
  })
  .meta({ id: 'IntelligenceSettings' });

export const UpdateIntelligenceSettingsBody = z.strictObject({
  threshold: z.number({ message: 'must be a number from 0 to 1' }).min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional(),
  autoApply: z.boolean().optional(),
  rules: z.array(RoutingRuleSchema).max(200).optional().describe('Keyword rules in order; the first match sets the target (category, team, priority)'),
});

export const ModelsSchema = z
  .object({
    settings: IntelligenceSettingsSchema,
    models: z.array(
      z.object({
        target: Target,
        state: z.enum(['ready', 'cold']).describe('cold: not enough labelled tickets yet; the keyword rules decide'),
        trainedAt: z.string().nullable(),
        examples: z.number().int(),
        heldOut: z.number().int().describe('newest tickets held back to measure accuracy'),
        accuracy: z.number().nullable(),
        macroF1: z.number().nullable(),
        corrections: z.number().int().describe("agents' corrections since the last training"),
        classes: z.array(z.object({ value: z.string(), label: z.string() })),
        confusion: z.array(z.array(z.number().int())).describe('rows: true class, columns: predicted class, in the order of classes'),
      }),
    ),
  })
  .meta({ id: 'IntelligenceModels' });

const Prediction = z.object({
  value: z.string(),
  label: z.string(),
  confidence: z.number(),
  applied: z.boolean().describe('set on the ticket automatically'),
  source: z.enum(['model', 'rules']).describe('rules: set by keyword or priority rules, certain by rule (no model confidence)'),
  reasons: z
    .array(
      z.object({
        kind: z.enum(REASON_KINDS),
        words: z.array(z.string()).describe("the text's words behind it (whole words: no digits, dates or stop words)"),
        count: z.number().int().optional().describe('repeat_contact: earlier contacts on the same problem'),
      }),
    )
    .describe('why, as data the console words in its language'),
});

const Related = z.object({ ticketId: z.string(), number: z.number().int(), title: z.string(), status: z.enum(STATUSES), score: z.number(), reasons: z.array(z.string()) });

export const InsightsSchema = z
  .object({
    ticketId: z.string(),
    analyzedAt: z.string(),
    needsTriage: z.boolean(),
    predictions: z.object({ category: Prediction.optional(), team: Prediction.optional(), priority: Prediction.optional() }),
    sentiment: z.object({ label: z.enum(['negative', 'neutral', 'positive']), score: z.number(), angry: z.boolean(), cues: z.array(z.string()) }),
    extracted: z.array(z.object({ kind: z.string(), value: z.string(), text: z.string(), field: z.string().optional() })),
    prefilled: z.array(z.string()),
    duplicates: z.array(Related).describe('open tickets probably about the same problem'),
    similarSolved: z.array(Related).optional().describe('solved tickets most like this one: their answers may help'),
  })
  .meta({ id: 'TicketInsights' });
