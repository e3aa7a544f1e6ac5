// Timing, CPU and allocation of batches of calls, and the statistics over them.
import { PerformanceObserver, performance } from 'node:perf_hooks';
import v8 from 'node:v8';

/** A call of the benchmark; `n` numbers calls so that each can be made distinct. */
export type Call = (n: number) => Promise<unknown>;

/** What one batch measured. */
export interface Batch {
  /** Wall time of each call, in milliseconds (sequential batches only). */
  readonly samples: number[];
  /** Wall time of the batch, in milliseconds. */
  readonly wallMs: number;
  /** User + system CPU of this process during the batch, in microseconds. */
  readonly cpuUs: number;
  readonly calls: number;
}

let counter = 0;
/** A number never used before in this process: the `n` of the next call. */
export const nextN = (): number => ++counter;

/** Runs `calls` calls one after another, timing each. */
export async function sequential(call: Call, calls: number): Promise<Batch> {
  const samples = new Array<number>(calls);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await call(nextN());
    samples[i] = performance.now() - t;
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { samples, wallMs, cpuUs: used.user + used.system, calls };
}

/** Runs `calls` calls with at most `concurrency` in flight. */
export async function concurrent(call: Call, calls: number, concurrency: number): Promise<Batch> {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started++;
      await call(nextN());
    }
  };
  const cpu = process.cpuUsage();
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { samples: [], wallMs, cpuUs: used.user + used.system, calls };
}

// Garbage collections seen, by start time: an allocation figure is only kept when none ran.
const collections: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push(entry.startTime);
}).observe({ entryTypes: ['gc'] });

const gc = (globalThis as { gc?: () => void }).gc;

/** A full garbage collection, when the process runs with `--expose-gc`. */
export function collectGarbage(): void {
  gc?.();
}

/** Whether allocation can be measured: the process runs with `--expose-gc`. */
export const canMeasureAllocation = typeof gc === 'function';

/**
 * JS heap bytes allocated per call: a full collection, then `calls` sequential calls, then the
 * growth of the used heap. `undefined` when a collection ran during the batch (it would have
 * freed part of what was allocated) or without `--expose-gc`.
 */
export async function allocation(call: Call, calls: number): Promise<number | undefined> {
  if (!gc) return undefined;
  gc();
  const from = performance.now();
  const before = v8.getHeapStatistics().used_heap_size;
  for (let i = 0; i < calls; i++) await call(nextN());
  const after = v8.getHeapStatistics().used_heap_size;
  const to = performance.now();
  // Let the observer deliver the entries of the batch.
  await new Promise((resolve) => setImmediate(resolve));
  if (collections.some((at) => at >= from && at <= to)) return undefined;
  return (after - before) / calls;
}

/** The nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The median of `values`. */
export const median = (values: readonly number[]): number => percentile(values, 50);

/** The contenders in the order of round `round`: rotated by one each round, so none always goes first. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
