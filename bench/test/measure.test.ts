// The statistics and formatting of the benchmark (never its timings: the machine is shared).
import { describe, expect, it } from 'vitest';
import { concurrent, median, percentile, rotate, sequential } from '../src/measure.js';
import { num, table, withRatio } from '../src/table.js';

describe('statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(median([3])).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });

  it('rotates the order by one each round, so every contender goes first in turn', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });
});

describe('batches', () => {
  it('runs sequential calls one at a time, with distinct numbers, timing each', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    const batch = await sequential(async (n) => {
      inFlight++;
      expect(inFlight).toBe(1);
      seen.push(n);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
    }, 5);
    expect(batch.samples).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(batch.calls).toBe(5);
  });

  it('keeps at most `concurrency` calls in flight and makes exactly `calls` calls', async () => {
    let inFlight = 0;
    let peak = 0;
    let made = 0;
    await concurrent(async () => {
      made++;
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
    }, 50, 8);
    expect(made).toBe(50);
    expect(peak).toBe(8);
  });
});

describe('tables', () => {
  it('formats values with their ratio to the floor', () => {
    expect(withRatio(110, 100, 'µs', 0)).toBe('110 µs (1.10×)');
    expect(withRatio(undefined, 100, 'KiB')).toBe('n/a KiB (n/a)');
    expect(num(12_345.6)).toBe('12,346');
    expect(num(1.234, 2)).toBe('1.23');
  });

  it('pads Markdown columns', () => {
    expect(table(['a', 'b'], [['xx', '1'], ['y', '22']])).toBe(['| a  |  b |', '|----|---:|', '| xx |  1 |', '| y  | 22 |'].join('\n'));
  });
});
