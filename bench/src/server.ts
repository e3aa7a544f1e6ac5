// The canned reference server, in a process of its own so that its CPU is not the client's.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CANNED_STATS_PATH } from './canned/server.js';

/** The datasets: the documented example workspace, and two generated ones. */
export const DATASETS = {
  small: { active: 3, invited: 2, note: 'the documented example workspace' },
  large: { active: 10_000, invited: 2_000, note: 'generated' },
  huge: { active: 100_000, invited: 0, note: 'generated' },
} as const;

/** The endpoint of each dataset. */
export type Endpoints = Record<keyof typeof DATASETS, string>;

/** The running server process. */
export interface BenchServer {
  readonly endpoints: Endpoints;
  /** GraphQL requests answered so far (one `GET` of the statistics, not counted). */
  requestCount(): Promise<number>;
  stop(): Promise<void>;
}

/** The canned server's entry point, run with tsx. */
export const CANNED_BIN = fileURLToPath(new URL('./canned/bin.ts', import.meta.url));

/** Starts the canned server with the large and huge datasets on a free port; resolves once listening. */
export async function startBenchServer(): Promise<BenchServer> {
  const args = [
    '--import',
    'tsx',
    CANNED_BIN,
    '--port',
    '0',
    '--dataset',
    `large=${DATASETS.large.active},${DATASETS.large.invited}`,
    '--dataset',
    `huge=${DATASETS.huge.active},${DATASETS.huge.invited}`,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    // tsx resolves from the bench package.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave the server behind, whatever happens to the benchmark.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  const endpoints = await new Promise<Endpoints>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the canned server did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const url = (name: string) => new RegExp(`^  ${name}: (http://\\S+)`, 'm').exec(output)?.[1];
      const [small, large, huge] = [url('default'), url('large'), url('huge')];
      if (small && large && huge) {
        clearTimeout(timer);
        resolve({ small, large, huge });
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the canned server exited:\n${output}`));
    });
  });
  const stats = new URL(CANNED_STATS_PATH, endpoints.small).href;
  return {
    endpoints,
    async requestCount() {
      const response = await fetch(stats);
      return ((await response.json()) as { requests: number }).requests;
    },
    async stop() {
      process.off('exit', kill);
      child.kill('SIGTERM');
      await exited;
    },
  };
}
