// Adaptive pacing of an import, on the client's `fetch`: requests leave at a rate that is
// raised while the server accepts them and lowered when it answers 429, the way TCP finds the
// bandwidth of a link (slow start, then additive increase and multiplicative decrease). A
// fixed concurrency either stays under a server's limit or crashes into it in bursts, where
// every worker waits out its Retry-After at the same time; paced requests meet the limit
// smoothly, so that the import runs close to the rate the server allows.
import type { RosterOptions } from '@roster/users';

type FetchLike = NonNullable<RosterOptions['fetch']>;

/** Settings of {@link AdaptivePacer}. */
export interface PacerOptions {
  /** Requests per second to start with. @defaultValue 20 */
  readonly initialRate?: number;
  /** Never slower than this. @defaultValue 1 */
  readonly minRate?: number;
  /** Never faster than this. @defaultValue 5000 */
  readonly maxRate?: number;
  /** The clock, in milliseconds. @defaultValue performance.now */
  readonly now?: () => number;
}

/** What the pacer did, for the import's summary and the benchmark. */
export interface PacerStats {
  /** Requests sent through the pacer (retries included). */
  readonly sent: number;
  /** 429 (or 420) answers received. */
  readonly throttled: number;
  /** The rate it runs at now, requests per second. */
  readonly rate: number;
}

const DECREASE = 0.85;
// The window over which the rate the server accepted is measured.
const WINDOW_MS = 1000;
// Slow start: +10% per accepted request. Then each accepted request adds 0.03 request/s, so a
// second's worth of them (rate × 1 s) adds 3% to the rate.
const SLOW_START_GROWTH = 0.1;
const AVOIDANCE_STEP = 0.03;

/** Spaces requests out at an adaptive rate (see the module comment). */
export class AdaptivePacer {
  #rate: number;
  readonly #min: number;
  readonly #max: number;
  readonly #now: () => number;
  #next = 0;
  #slowStart = true;
  #lastDecrease = Number.NEGATIVE_INFINITY;
  #sent = 0;
  #throttled = 0;
  /** When the requests of the last WINDOW_MS were accepted. */
  readonly #acceptedAt: number[] = [];

  constructor(options: PacerOptions = {}) {
    this.#rate = options.initialRate ?? 20;
    this.#min = options.minRate ?? 1;
    this.#max = options.maxRate ?? 5000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Counters so far. */
  get stats(): PacerStats {
    return { sent: this.#sent, throttled: this.#throttled, rate: this.#rate };
  }

  /**
   * Resolves when the next request may leave; each caller gets its own slot. The wait is a
   * few milliseconds per request queued ahead, so it does not listen for aborts: the
   * request itself is aborted right after, by the signal the client gives `fetch`.
   */
  async acquire(): Promise<void> {
    const now = this.#now();
    const slot = Math.max(now, this.#next);
    this.#next = slot + 1000 / this.#rate;
    this.#sent += 1;
    const wait = slot - now;
    if (wait > 0.5) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Requests per second the server accepted over the last second. */
  #acceptedRate(now: number): number {
    while (this.#acceptedAt.length > 0 && now - (this.#acceptedAt[0] ?? now) > WINDOW_MS) this.#acceptedAt.shift();
    return (this.#acceptedAt.length * 1000) / WINDOW_MS;
  }

  /**
   * The server accepted a request: speed up, but never past twice what it was seen to
   * accept, so that a full bucket at the start cannot send the rate far beyond the limit.
   */
  accepted(): void {
    const now = this.#now();
    this.#acceptedAt.push(now);
    const growth = this.#slowStart ? this.#rate * SLOW_START_GROWTH : AVOIDANCE_STEP;
    this.#rate = Math.min(this.#max, this.#rate + growth, 2 * this.#acceptedRate(now) + 10);
  }

  /**
   * The server refused a request for its rate: slow down, at most once per round of
   * requests in flight (the 429s of one burst are one signal, not many), to what it
   * accepted over the last second if that is lower.
   */
  throttled(): void {
    this.#throttled += 1;
    this.#slowStart = false;
    const now = this.#now();
    if (now - this.#lastDecrease < Math.max(250, 2000 / this.#rate)) return;
    this.#lastDecrease = now;
    const accepted = this.#acceptedRate(now);
    this.#rate = Math.max(this.#min, Math.min(this.#rate * DECREASE, accepted > 0 ? accepted : this.#rate));
    // Requests already given later slots keep them; new ones start from the slower pace.
    this.#next = Math.max(this.#next, now + 1000 / this.#rate);
  }

  /** A `fetch` that waits for its slot, and tells the pacer how the server answered. */
  wrap(fetch: FetchLike): FetchLike {
    return async (input, init) => {
      await this.acquire();
      const response = await fetch(input, init);
      if (response.status === 429 || response.status === 420) this.throttled();
      else if (response.status < 500) this.accepted();
      return response;
    };
  }
}
