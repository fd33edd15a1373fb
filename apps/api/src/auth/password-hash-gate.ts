/** Why the gate turned a sign-in away: every slot busy and the queue full, or the client holds its share. */
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
  /**
   * Places (running or waiting) one username, or one client address, may hold at once: a flood on one
   * account, or from one address, takes at most this many and leaves the rest to everyone else.
   * Default: a quarter of all places, at least one.
   */
  share?: number;
}

/** Who asks for a password check: the address it came from and the username it names. */
export interface HashGateClient {
  address: string;
  username: string;
}

/**
 * Bounds password hashing: at most `concurrency` checks run, at most `queue` wait (first come, first
 * served), one username or one address holds at most `share` of those places, and anyone beyond is
 * refused at once with a Retry-After estimate instead of queueing behind a flood. The thread pool and
 * the event loop stay free for every other request.
 */
export class PasswordHashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Places held per key (`a:<address>`, `u:<username>`), running or waiting. */
  private readonly held = new Map<string, number>();
  /** Moving average of how long one check holds its slot, for Retry-After. */
  private averageMs = 100;
  readonly share: number;

  constructor(private readonly options: HashGateOptions) {
    this.share = Math.max(1, options.share ?? Math.ceil((options.concurrency + options.queue) / 4));
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Whether a sign-in from `address` would be refused whatever username it names: every place taken,
   * or the address already holds its share. Asked before the request body is read, so a flood is
   * turned away for the price of its headers (see login-gate.middleware.ts).
   */
  refuses(address: string): HashGateFull | null {
    const full = this.running >= this.options.concurrency && this.waiting.length >= this.options.queue;
    return full || this.holds(addressKey(address)) >= this.share ? new HashGateFull(this.retryAfterSeconds()) : null;
  }

  /** Runs `work` when a slot is free; throws HashGateFull when the queue is full or the client holds its share. */
  async run<T>(work: () => Promise<T>, client?: HashGateClient): Promise<T> {
    const keys = client ? [addressKey(client.address), `u:${client.username.toLowerCase()}`] : [];
    if (keys.some((key) => this.holds(key) >= this.share)) throw new HashGateFull(this.retryAfterSeconds());
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.queue) throw new HashGateFull(this.retryAfterSeconds());
      this.take(keys);
      await new Promise<void>((start) => this.waiting.push(start));
    } else {
      this.take(keys);
      this.running += 1;
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
      this.release(keys);
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.running -= 1;
    }
  }

  private holds(key: string): number {
    return this.held.get(key) ?? 0;
  }

  private take(keys: readonly string[]): void {
    for (const key of keys) this.held.set(key, this.holds(key) + 1);
  }

  private release(keys: readonly string[]): void {
    for (const key of keys) {
      const left = this.holds(key) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    }
  }

  private retryAfterSeconds(): number {
    const ahead = this.running + this.waiting.length;
    return Math.max(1, Math.ceil((ahead / this.options.concurrency) * (this.averageMs / 1000)));
  }
}

const addressKey = (address: string) => `a:${address}`;
