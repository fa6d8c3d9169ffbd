// How a long-running process stops: SIGTERM (a service manager, `docker stop`, `kill`) or SIGINT (Ctrl-C)
// starts one graceful stop; the process exits 0 when it is done. A stop that hangs past the deadline, or
// another signal later on, ends the process at once with a non-zero code and a log line saying so.

export interface StopLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface StopOptions {
  /** Closes everything; the process exits 0 when it resolves, 1 when it rejects. */
  stop(signal: NodeJS.Signals): Promise<void>;
  /** Where the lines go (the logger may only exist once the process has started). */
  log(): StopLog;
  /** Under Docker's default 10 s between SIGTERM and SIGKILL, so a hang still ends with a log line. */
  deadlineMs?: number;
  /**
   * A signal this soon after the first is the same request: Ctrl-C in a terminal reaches every process of
   * the group, and npm forwards what it receives to its script as well.
   */
  repeatWindowMs?: number;
  exit?: (code: number) => void;
}

export const STOP_DEADLINE_MS = 8_000;
const REPEAT_WINDOW_MS = 1_000;
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const CODE_OF: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143 };

export interface StopSignals {
  /** Whether a stop was asked for (a process still starting then does not begin to serve). */
  readonly requested: boolean;
  /** Stops listening for the signals (tests). */
  dispose(): void;
}

export function stopOnSignals(o: StopOptions): StopSignals {
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const deadlineMs = o.deadlineMs ?? STOP_DEADLINE_MS;
  const repeatWindowMs = o.repeatWindowMs ?? REPEAT_WINDOW_MS;
  let firstAt: number | null = null;
  let deadline: NodeJS.Timeout | null = null;
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    const now = Date.now();
    if (firstAt !== null) {
      if (now - firstAt < repeatWindowMs) return;
      o.log().error({ signal }, `${signal} again while stopping: exiting now, without finishing the stop`);
      return exit(CODE_OF[signal]);
    }
    firstAt = now;
    o.log().info({ signal }, 'stopping: no new work is taken; work in flight is finished or handed back');
    deadline = setTimeout(() => {
      o.log().error({ signal, deadlineMs }, `the stop did not finish within ${deadlineMs / 1000} s: exiting now`);
      exit(1);
    }, deadlineMs);
    o.stop(signal).then(
      () => {
        clearTimeout(deadline!);
        o.log().info({ signal, ms: Date.now() - now }, 'stopped');
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline!);
        o.log().error({ signal, err }, 'the stop failed');
        exit(1);
      },
    );
  };
  const listeners = SIGNALS.map((s) => [s, () => onSignal(s)] as const);
  for (const [s, listener] of listeners) process.on(s, listener);
  return {
    get requested() {
      return firstAt !== null;
    },
    dispose() {
      for (const [s, listener] of listeners) process.off(s, listener);
      if (deadline) clearTimeout(deadline);
    },
  };
}
