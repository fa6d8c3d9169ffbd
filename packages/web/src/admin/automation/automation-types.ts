import type { Body, Schema } from '../../api/contract';

// The automation API's shapes as the console uses them: aliases of the generated contract (schema.d.ts).

/** A rule as the server stores it (with its place in the order and the shipped default it came from). */
export type Rule = Schema<'AutomationRule'>;
/** What the console sends to create or replace a rule, or to try one (试运行). */
export type RuleBody = Body<'/api/v1/automation/rules', 'post'>;
export type RuleKind = Rule['kind'];
export type Cond = Schema<'AutomationConditionInput'>;
export type CondOp = Cond['op'];
export type Conditions = Schema<'AutomationConditionsInput'>;
export type Action = Schema<'AutomationActionInput'>;
export type ActionType = Action['type'];
export type DryRunResult = Schema<'AutomationDryRun'>;
export type Run = Schema<'AutomationRun'>;
export type RunOutcome = Run['outcome'];
