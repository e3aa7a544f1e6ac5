// What the page is waiting for, for the banner: a tiny store that the urql retry exchange
// writes and React reads through useSyncExternalStore.

/** A rate-limit wait in progress. */
export interface RateLimitWait {
  readonly operationName: string;
  readonly message: string;
  readonly retryInMs: number;
  readonly attempt: number;
  readonly maxAttempts: number;
}

type Listener = () => void;

/** The waits in progress, by operation key. */
export class StatusStore {
  #waits = new Map<number, RateLimitWait>();
  #snapshot: readonly RateLimitWait[] = [];
  #listeners = new Set<Listener>();
  /** How many rate-limit waits the page went through since it loaded (shown, and read by tests). */
  waitedTotal = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): readonly RateLimitWait[] => this.#snapshot;

  set(key: number, wait: RateLimitWait | undefined): void {
    if (wait) {
      this.#waits.set(key, wait);
      this.waitedTotal += 1;
    } else if (!this.#waits.delete(key)) return;
    this.#snapshot = [...this.#waits.values()];
    for (const listener of this.#listeners) listener();
  }
}
