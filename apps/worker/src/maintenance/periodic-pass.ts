/**
 * Runs `pass` every `everyMs` (and once at start when `atStart`), never two at a time: a pass that outlasts the interval
 * makes the next tick a no-op. A failed pass goes to `failed`; the next one retries. `stopping` tells a long pass to end
 * early once the worker shuts down, and `stop` waits for the pass under way.
 */
export class PeriodicPass {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly failed: (error: Error) => void,
  ) {}

  get stopping(): boolean {
    return this.stopped;
  }

  start(everyMs: number, { atStart }: { atStart: boolean }): void {
    if (atStart) this.trigger();
    this.timer = setInterval(() => this.trigger(), everyMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private trigger(): void {
    if (this.running || this.stopped) return;
    this.running = this.pass()
      .catch(this.failed)
      .finally(() => (this.running = null));
  }
}
