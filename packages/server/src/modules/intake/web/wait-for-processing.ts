import type { Deps } from '../../../platform/deps';
import { inboundRepository, type InboundSummaryRow } from '../inbound-repository';
import { intakeSignal } from '../receive-inbound';

/**
 * Waits up to `timeoutMs` until a stored inbound message is no longer pending: woken by this
 * process's worker ('processed'), and polling for another process's. Null when it is still pending.
 */
export function waitForProcessing(deps: Deps, tenantId: string, inboundId: string, timeoutMs: number, pollMs = 400): Promise<InboundSummaryRow | null> {
  return new Promise((resolve) => {
    let finished = false;
    let checking = false;
    const finish = (row: InboundSummaryRow | null) => {
      if (finished) return;
      finished = true;
      intakeSignal.off('processed', onProcessed);
      clearInterval(poll);
      clearTimeout(timer);
      resolve(row);
    };
    const check = async () => {
      if (checking || finished) return;
      checking = true;
      try {
        const row = await deps.db.tenant(tenantId, (q) => inboundRepository.summary(q, inboundId));
        if (row && row.state !== 'pending') finish(row);
      } catch {
        // the next poll tries again
      } finally {
        checking = false;
      }
    };
    const onProcessed = (id: string) => {
      if (id === inboundId) void check();
    };
    intakeSignal.on('processed', onProcessed);
    const poll = setInterval(check, pollMs);
    const timer = setTimeout(() => finish(null), timeoutMs);
    void check();
  });
}
