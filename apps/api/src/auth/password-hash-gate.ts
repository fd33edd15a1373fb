/** Why the gate turned a sign-in away: every slot busy and the queue full. */
export class HashGateFull extends Error {
  override readonly name = 'HashGateFull';
  constructor(readonly retryAfterSeconds: number) {
    super(`Sign-in is busy; try again in ${retryAfterSeconds} s`);
  }
}

export interface HashGateOptions {
  /** Password checks running at once (each takes a libuv thread and tens of MiB for argon2). */
  concurrency: number;
  /** Sign-ins allowed to wait for a slot; one more is refused at once. */
  queue: number;
}

/**
 * Bounds password hashing: at most `concurrency` checks run, at most `queue` wait (first come, first
 * served), and anyone beyond is refused at once with a Retry-After estimate instead of queueing
 * behind a flood. The thread pool and the event loop stay free for every other request.
 */
export class PasswordHashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Moving average of how long one check holds its slot, for Retry-After. */
  private averageMs = 100;

  constructor(private readonly options: HashGateOptions) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` when a slot is free; throws HashGateFull when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.queue) throw new HashGateFull(this.retryAfterSeconds());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.running -= 1;
    }
  }

  private retryAfterSeconds(): number {
    const ahead = this.running + this.waiting.length;
    return Math.max(1, Math.ceil((ahead / this.options.concurrency) * (this.averageMs / 1000)));
  }
}
