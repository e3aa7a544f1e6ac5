import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planRoster, readLiveState } from '../src/index.js';
import { readRosterFile } from '../src/node.js';
import { rosterFor, useServer } from './helpers.js';

// The example kept in the repository (examples/access-as-code) must stay true.
const example = path.resolve(import.meta.dirname, '../../../examples/access-as-code');

describe('the access-as-code example', () => {
  const ctx = useServer();

  it('roster.yaml is valid and matches the example workspace', async () => {
    const file = await readRosterFile(path.join(example, 'roster.yaml'));
    const plan = planRoster(file, await readLiveState(rosterFor(ctx.server), { groups: true }));
    expect(plan.actions).toEqual([]);
    expect(file.ignore).toEqual(['*@svc.acme.io']);
  });

  it('the workflow plans on pull requests, applies the plan on merge, and checks drift on a schedule', () => {
    const workflow = parse(readFileSync(path.join(example, '.github/workflows/roster.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      env?: Record<string, string>;
      jobs: Record<string, { if: string; environment?: string; env?: Record<string, string>; steps: { run?: string }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    const runs = (job: string) => workflow.jobs[job]!.steps.map((step) => step.run ?? '').join('\n');
    expect(workflow.jobs.plan!.if).toBe("github.event_name == 'pull_request'");
    expect(runs('plan')).toContain('roster plan roster.yaml -o plan.json');
    expect(workflow.jobs.apply!.if).toBe("github.event_name == 'push'");
    expect(runs('apply')).toMatch(/roster plan roster\.yaml -o plan\.json[\s\S]*roster apply plan\.json --yes --result apply-result\.json/);
    expect(runs('drift')).toContain('roster drift roster.yaml');
  });

  it('gives the admin key only to the apply job, through its protected environment; pull requests get a viewer key', () => {
    const text = readFileSync(path.join(example, '.github/workflows/roster.yml'), 'utf8');
    const workflow = parse(text) as {
      env?: Record<string, string>;
      jobs: Record<string, { environment?: string; env?: Record<string, string> }>;
    };
    const secretsIn = (env: Record<string, string> | undefined) => Object.values(env ?? {}).filter((value) => value.includes('secrets.'));
    expect(secretsIn(workflow.env)).toEqual([]);
    expect(workflow.jobs.apply).toMatchObject({ environment: 'roster', env: { ROSTER_API_KEY: '${{ secrets.ROSTER_API_KEY }}', ROSTER_API_SECRET: '${{ secrets.ROSTER_API_SECRET }}' } });
    for (const job of ['plan', 'drift']) {
      expect(workflow.jobs[job]!.environment).toBeUndefined();
      expect(workflow.jobs[job]!.env).toEqual({ ROSTER_API_KEY: '${{ secrets.ROSTER_VIEWER_API_KEY }}', ROSTER_API_SECRET: '${{ secrets.ROSTER_VIEWER_API_SECRET }}' });
    }
    // The admin secret is named nowhere else in the file.
    expect(text.match(/secrets\.ROSTER_API_SECRET\b/g)).toHaveLength(1);
  });
});
