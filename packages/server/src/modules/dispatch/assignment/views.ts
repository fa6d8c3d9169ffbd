import type { Need } from '../engine/types';
import type { AssignmentRow } from './assignment-repository';
import { decisionView } from './decision-view';
import type { TicketNeed } from './load-needs';

// API shapes of assignments and needs.

export function assignmentView(a: AssignmentRow, names: Map<string, string>) {
  return {
    id: a.id,
    userId: a.user_id,
    userName: names.get(a.user_id) ?? null,
    kind: a.kind,
    state: a.state,
    mode: a.mode,
    decidedBy: a.decided_by,
    overrideReason: a.override_reason,
    offeredAt: a.offered_at.toISOString(),
    respondBy: a.respond_by?.toISOString() ?? null,
    acceptedAt: a.accepted_at?.toISOString() ?? null,
    endedAt: a.ended_at?.toISOString() ?? null,
    endReason: a.end_reason,
    decision: decisionView(a.decision ?? {}),
  };
}
export type AssignmentView = ReturnType<typeof assignmentView>;

export function needView(t: TicketNeed) {
  const n: Need = t.need;
  return {
    kind: n.kind,
    priority: n.priority,
    teamIds: n.teamIds,
    location: n.location ? { lat: n.location[0], lng: n.location[1] } : null,
    address: t.facts.site_address,
    region: n.region,
    skill: n.skill,
    level: n.level,
    certification: n.certification,
    language: n.language,
    productLine: n.productLine,
    categoryId: n.categoryId,
    visitDate: n.visitDate,
    customerTier: n.customerTier,
    preferredUserIds: n.preferredUserIds,
    excludedUserIds: n.excludedUserIds,
    rule: t.rule ? { id: t.rule.id, name: t.rule.name } : null,
    mode: t.policy.mode,
    acceptTimeoutS: t.policy.accept_timeout_s,
  };
}
