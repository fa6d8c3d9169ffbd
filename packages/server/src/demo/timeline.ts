// The simulated timeline: actions are scheduled at points in time while the story is planned, then
// run in time order with the clock set to each action's moment.

interface Action {
  at: number;
  seq: number;
  what: string;
  run: () => Promise<void>;
}

export interface Timeline {
  /** Runs `run` at `ms`; actions at the same moment run in the order they were scheduled. */
  schedule(ms: number, what: string, run: () => Promise<void>): void;
  /** Runs everything in time order, never later than `end`; `what` of ticket creations starts with "create". */
  play(setTime: (ms: number) => void, end: number, log: (msg: string) => void): Promise<void>;
}

export function createTimeline(): Timeline {
  const actions: Action[] = [];
  let seq = 0;
  return {
    schedule: (ms, what, run) => {
      actions.push({ at: ms, seq: seq++, what, run });
    },
    play: async (setTime, end, log) => {
      actions.sort((x, y) => x.at - y.at || x.seq - y.seq);
      let done = 0;
      const total = actions.filter((a) => a.what.startsWith('create')).length;
      for (const a of actions) {
        setTime(Math.min(a.at, end));
        try {
          await a.run();
        } catch (err) {
          const e = err as Error;
          throw new Error(`demo: "${a.what}" at ${new Date(a.at).toISOString()} failed: ${e.message}`, { cause: err });
        }
        if (a.what.startsWith('create') && ++done % 100 === 0) log(`${done}/${total} tickets`);
      }
    },
  };
}
