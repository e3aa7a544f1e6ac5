// Whether the API refused a change as FORBIDDEN: the studio cannot ask what a key may do without
// changing something, so the page offers every action and turns read-only on the first refusal,
// whichever part of the page made the change (a row, the invite form, a plan).

type Listener = () => void;

/** A one-way flag the urql client sets and React reads through useSyncExternalStore. */
export class AccessStore {
  #readOnly = false;
  #listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** True once a change was refused as FORBIDDEN. */
  getSnapshot = (): boolean => this.#readOnly;

  /** Records a refusal; later calls change nothing. */
  markForbidden(): void {
    if (this.#readOnly) return;
    this.#readOnly = true;
    for (const listener of this.#listeners) listener();
  }
}
