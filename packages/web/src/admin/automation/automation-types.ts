// The automation API's shapes as the contract (SLA-CONTRACT.md, "automation") gives them. Written by hand
// while the server's routes are being built; to be replaced by aliases of the generated schema.

export type RuleKind = 'trigger' | 'time';

export interface Cond {
  field: string;
  op: string;
  value?: unknown;
}

export interface Conditions {
  all?: Cond[];
  any?: Cond[];
}

export type Action = { type: string } & Record<string, unknown>;

export interface RuleBody {
  name: string;
  description?: string;
  kind: RuleKind;
  events: string[];
  conditions: Conditions;
  actions: Action[];
  active: boolean;
}

export interface Rule extends RuleBody {
  id: string;
  position: number;
  /** the shipped default it was made from (系统预置), null for the tenant's own */
  builtin: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface DryRunResult {
  matched: { ticketId: string; number: number; title: string }[];
  total: number;
  checked: number;
}

export type RunOutcome = 'applied' | 'dropped' | 'failed';

export interface Run {
  ruleId: string;
  ruleName?: string;
  ticketId: string;
  ticketNumber?: number;
  runKey: string;
  outcome: RunOutcome;
  detail: Record<string, unknown>;
  createdAt: string;
}
