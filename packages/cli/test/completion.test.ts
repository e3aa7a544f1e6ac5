import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, HOME, roster } from './helpers.js';

const candidates = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith(':'))
    .map((line) => line.split('\t')[0]);

describe('shell completion', () => {
  it('completes commands, subcommands, options and option choices', async () => {
    expect(candidates((await roster(['complete', '--', ''])).stdout)).toEqual(expect.arrayContaining(['users', 'invites', 'groups', 'status', 'completion']));
    expect(candidates((await roster(['complete', '--', 'users', 'i'])).stdout)).toEqual(['invite', 'import']);
    expect(candidates((await roster(['complete', '--', 'users', 'list', '--st'])).stdout)).toEqual(['--status']);
    expect(candidates((await roster(['complete', '--', 'users', 'list', '--status', ''])).stdout)).toEqual(['active', 'invited', 'disabled', 'all']);
  });

  it('prints bash and zsh scripts; the bash one completes in a real bash through `roster complete`', async () => {
    const zsh = await roster(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toMatch(/^#compdef roster/);
    const bash = await roster(['completion', 'bash']);
    expect(bash.code).toBe(0);
    const script = path.join(HOME, 'roster-completion.bash');
    writeFileSync(script, bash.stdout);
    // `roster` on PATH, as an installed CLI would be.
    const binDir = path.join(HOME, 'bin');
    mkdirSync(binDir, { recursive: true });
    writeFileSync(path.join(binDir, 'roster'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
    // The script uses bash-completion's _get_comp_words_by_ref; a minimal one stands in for
    // that package here: it only splits COMP_WORDS the way the real one does for these words.
    const driver = `
      _get_comp_words_by_ref() { cur="\${COMP_WORDS[COMP_CWORD]}"; prev="\${COMP_WORDS[COMP_CWORD-1]}"; words=("\${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
      source ${JSON.stringify(script)}
      COMP_WORDS=(roster users list --status d); COMP_CWORD=4
      __roster_complete
      printf '%s\\n' "\${COMPREPLY[@]}"
    `;
    const out = execFileSync('bash', ['-c', driver], { encoding: 'utf8', env: { PATH: `${binDir}:${process.env.PATH ?? ''}`, HOME } });
    expect(out.trim().split('\n')).toEqual(['disabled']);
  });
});
