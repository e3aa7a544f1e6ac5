/**
 * Resolves once pending I/O and timers have had their turn: long work done in slices lets a
 * listing's requests and responses through between them. setImmediate (Node) runs after
 * pending I/O without setTimeout's 1 ms minimum; browsers have only setTimeout.
 */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
