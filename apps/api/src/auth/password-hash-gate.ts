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
  /**
   * Waiting places beyond `queue` kept for clients that come back: an address refused in the last
   * minute or two (it was told Retry-After) may wait in one of these when the others are taken, so a
   * flood from new addresses cannot shut out someone who retries as told. Default: a quarter of `queue`.
   */
  kept?: number;
}

/** Who asks for a password check: the address it came from and the username it names. */
export interface HashGateClient {
  address: string;
  username: string;
}

/**
 * Bounds password hashing: at most `concurrency` checks run, at most `queue` wait (first come, first
 * served), one username or one address holds at most `share` of those places, and anyone beyond is
 * refused at once with a Retry-After estimate instead of queueing behind a flood. An address refused
 * lately that comes back may take one of `kept` more places, served before the queue. The thread pool and
 * the event loop stay free for every other request.
 */
export class PasswordHashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Waiting in a kept place: served before `waiting`, as they already waited their Retry-After. */
  private readonly keptWaiting: Array<() => void> = [];
  private readonly refused = new RecentlyRefused(REMEMBER_REFUSED_MS);
  readonly kept: number;
  /** Places held per key (`a:<address>`, `u:<username>`), running or waiting. */
  private readonly held = new Map<string, number>();
  /** Moving average of how long one check holds its slot, for Retry-After. */
  private averageMs = 100;
  readonly share: number;

  constructor(private readonly options: HashGateOptions) {
    this.share = Math.max(1, options.share ?? Math.ceil((options.concurrency + options.queue) / 4));
    this.kept = Math.max(0, options.kept ?? Math.ceil(options.queue / 4));
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length + this.keptWaiting.length };
  }

  /**
   * Whether a sign-in from `address` would be refused whatever username it names: every place taken,
   * or the address already holds its share. Asked before the request body is read, so a flood is
   * turned away for the price of its headers (see login-gate.middleware.ts).
   */
  refuses(address: string): HashGateFull | null {
    return this.holds(addressKey(address)) >= this.share || this.placeFor(address) === null ? this.refuse(address) : null;
  }

  /** Where a sign-in from `address` would go: a slot, the queue, a kept place (it comes back), or nowhere. */
  private placeFor(address: string): 'slot' | 'queue' | 'kept' | null {
    if (this.running < this.options.concurrency) return 'slot';
    if (this.waiting.length < this.options.queue) return 'queue';
    if (this.keptWaiting.length < this.kept && this.refused.has(address)) return 'kept';
    return null;
  }

  private refuse(address: string): HashGateFull {
    this.refused.add(address);
    return new HashGateFull(this.retryAfterSeconds());
  }

  /** Runs `work` when a slot is free; throws HashGateFull when the queue is full or the client holds its share. */
  async run<T>(work: () => Promise<T>, client?: HashGateClient): Promise<T> {
    const address = client?.address ?? '';
    const keys = client ? [addressKey(address), `u:${client.username.toLowerCase()}`] : [];
    if (keys.some((key) => this.holds(key) >= this.share)) throw this.refuse(address);
    const place = this.placeFor(address);
    if (place === null) throw this.refuse(address);
    this.take(keys);
    if (place === 'slot') this.running += 1;
    else await new Promise<void>((start) => (place === 'kept' ? this.keptWaiting : this.waiting).push(start));
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
      this.release(keys);
      const next = this.keptWaiting.shift() ?? this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line, who came back first
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
    const ahead = this.running + this.waiting.length + this.keptWaiting.length;
    return Math.max(1, Math.ceil((ahead / this.options.concurrency) * (this.averageMs / 1000)));
  }
}

const addressKey = (address: string) => `a:${address}`;

/** How long a refused address counts as coming back: between this and twice this. */
const REMEMBER_REFUSED_MS = 90_000;
/** Bits per filter (2 MiB each): a million addresses refused in a window still match a new one about once in 2000. */
const FILTER_BITS = 2 ** 24;

/**
 * Addresses refused lately, in two Bloom filters that take turns (fixed memory, whatever a flood sends):
 * an address is remembered for between `windowMs` and twice that. A new address matches by chance
 * rarely; one that was refused always matches.
 */
export class RecentlyRefused {
  private current = new Uint32Array(FILTER_BITS / 32);
  private previous = new Uint32Array(FILTER_BITS / 32);
  private startedAt = Date.now();

  constructor(private readonly windowMs: number) {}

  add(address: string): void {
    this.turn();
    for (const bit of bitsOf(address)) this.current[bit >>> 5]! |= 1 << (bit & 31);
  }

  has(address: string): boolean {
    this.turn();
    const bits = bitsOf(address);
    return [this.current, this.previous].some((filter) => bits.every((bit) => (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0));
  }

  private turn(): void {
    if (Date.now() - this.startedAt < this.windowMs) return;
    this.previous = this.current;
    this.current = new Uint32Array(FILTER_BITS / 32);
    this.startedAt = Date.now();
  }
}

/** Four bit positions of an address: FNV-1a with four seeds. */
function bitsOf(address: string): number[] {
  return [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let hash = seed;
    for (let i = 0; i < address.length; i++) hash = Math.imul(hash ^ address.charCodeAt(i), 0x01000193);
    return (hash >>> 0) % FILTER_BITS;
  });
}
