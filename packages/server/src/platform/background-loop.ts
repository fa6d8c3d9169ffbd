import type { EventEmitter } from 'node:events';

/**
 * A background worker's loop: a round at start, then every `pollMs` and whenever `wake` fires, never
 * two rounds at once (a wake-up during a round runs another right after it). A failed round is
 * reported to `onError`; the next one runs as usual.
 */
export class BackgroundLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly wakeUp = () => this.kick();

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly o: { onError: (err: unknown) => void; wake?: { emitter: EventEmitter; event: string } },
  ) {}

  start(pollMs: number): void {
    this.stopped = false;
    this.o.wake?.emitter.on(this.o.wake.event, this.wakeUp);
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.kick();
  }

  /** No new round; resolves when the round in progress has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.o.wake?.emitter.off(this.o.wake.event, this.wakeUp);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .then(() => undefined)
      .catch((err) => this.o.onError(err))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }
}
