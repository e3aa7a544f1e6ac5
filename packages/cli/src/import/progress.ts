// The progress of an import on stderr: a bar with count, rate and ETA on a terminal, a plain
// line every few seconds otherwise (a CI log should not fill with redraws).
import cliProgress from 'cli-progress';
import type { Output } from '../output.js';

/** What the import tells its progress display. */
export interface Progress {
  /** `done` rows settled so far, `failed` of them failed. */
  update(done: number, failed: number): void;
  /** The last update, then the display is finished. */
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

/** Requests per second over the last few seconds, from (time, count) samples. */
class RateMeter {
  readonly #samples: { at: number; done: number }[] = [];

  add(done: number): number {
    const at = performance.now();
    this.#samples.push({ at, done });
    while (this.#samples.length > 2 && at - (this.#samples[0]?.at ?? at) > 5000) this.#samples.shift();
    const first = this.#samples[0];
    return first && at > first.at ? ((done - first.done) * 1000) / (at - first.at) : 0;
  }
}

/** A bar when stderr is a terminal, plain lines otherwise. */
export function createProgress(out: Output, total: number, label: string): Progress {
  const meter = new RateMeter();
  if (out.stderrIsTerminal) {
    const bar = new cliProgress.SingleBar(
      {
        stream: out.stderr,
        format: `${label} {bar} {value}/{total} rows · {rate}/s · ETA {eta_formatted} · {failed} failed`,
        hideCursor: true,
        etaBuffer: 500,
        fps: 10,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0', failed: 0 });
    return {
      update: (done, failed) => bar.update(done, { rate: meter.add(done).toFixed(0), failed }),
      stop: () => bar.stop(),
    };
  }
  const started = performance.now();
  let last = started;
  let latest = { done: 0, failed: 0 };
  const line = () => {
    const rate = meter.add(latest.done);
    const left = rate > 0 ? Math.ceil((total - latest.done) / rate) : undefined;
    out.info(`${label} ${latest.done}/${total} rows (${total ? Math.floor((latest.done * 100) / total) : 100}%), ${rate.toFixed(0)}/s, ${latest.failed} failed${left !== undefined ? `, about ${left} s left` : ''}`);
  };
  return {
    update(done, failed) {
      latest = { done, failed };
      const now = performance.now();
      if (now - last >= PLAIN_EVERY_MS) {
        last = now;
        line();
      }
    },
    stop() {
      line();
    },
  };
}
