// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InviteDialog } from '../src/InviteDialog';
import { parseInviteList } from '../src/invite-list';
import { recordingActions } from './fixtures';

afterEach(cleanup);

describe('parseInviteList', () => {
  it('reads pasted lines with or without a role, roles in any case, blank lines skipped', async () => {
    const list = await parseInviteList('ada@acme.io\n\nbob@acme.io, analyst\r\n  carol@acme.io,BUSINESS  \n', 'DEVELOPER');
    expect(list.issues).toEqual([]);
    expect(list.entries).toEqual([
      { line: 1, email: 'ada@acme.io', accountType: 'DEVELOPER' },
      { line: 3, email: 'bob@acme.io', accountType: 'ANALYST' },
      { line: 4, email: 'carol@acme.io', accountType: 'BUSINESS' },
    ]);
  });

  it('reads a CSV with a BOM, a header in any order with aliases, and quoted commas', async () => {
    const csv = '\uFEFFName,accountType,E-mail\r\n"Lovelace, Ada",ADMIN,ada@acme.io\r\n"Stone, Bob",,bob@acme.io\r\n';
    const list = await parseInviteList(csv, 'ANALYST');
    expect(list.issues).toEqual([]);
    expect(list.entries.map((entry) => [entry.line, entry.email, entry.accountType])).toEqual([
      [2, 'ada@acme.io', 'ADMIN'],
      [3, 'bob@acme.io', 'ANALYST'],
    ]);
  });

  it('names the line and the SDK’s reason for every bad or repeated entry', async () => {
    const list = await parseInviteList('ada@acme.io\nnot-an-email\nbob@acme.io,OWNER\nADA@acme.io', 'DEVELOPER');
    expect(list.issues).toEqual([
      "line 2: email must be an email address like name@example.com, got 'not-an-email'",
      "line 3: accountType must be one of ADMIN, ANALYST, BILLING_ADMIN, BUSINESS, DEVELOPER, SANDBOX_USER, SECURITY_ADMIN, WORKSPACE_ADMIN, WORKSPACE_SETTINGS_ADMIN; got 'OWNER'",
      'line 4: ADA@acme.io is already on line 1',
    ]);
    expect(list.entries.map((entry) => entry.email)).toEqual(['ada@acme.io']);
  });
});

describe('InviteDialog', () => {
  it('refuses a bad address with the SDK’s message before sending anything, then invites', async () => {
    const actions = recordingActions();
    const onClose = vi.fn();
    render(<InviteDialog actions={actions} onClose={onClose} />);
    const email = screen.getByRole('textbox', { name: 'Email' });
    await userEvent.type(email, 'ada@acme');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(screen.getByRole('alert').textContent).toBe("email must be an email address like name@example.com, got 'ada@acme'");
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(actions.calls).toEqual([]);
    await userEvent.type(email, '.io');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'ANALYST');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await screen.findByText('Invitation sent.');
    expect(actions.calls).toEqual(['invite ada@acme.io ANALYST']);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('shows the server’s typed error', async () => {
    const actions = recordingActions(() => ({ ok: false, error: { code: 'CONFLICT', message: 'Conflict in InviteUser (HTTP 200): ada@acme.io is an active member', hint: undefined } }));
    render(<InviteDialog actions={actions} onClose={vi.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'ada@acme.io');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect((await screen.findByRole('alert')).textContent).toBe('CONFLICT: Conflict in InviteUser (HTTP 200): ada@acme.io is an active member');
  });

  it('sends nothing from a pasted list until every line is right, then one invitation per line', async () => {
    const actions = recordingActions((call) => (call.includes('bob') ? { ok: false, error: { code: 'FORBIDDEN', message: 'Permission denied', hint: undefined } } : { ok: true }));
    render(<InviteDialog actions={actions} onClose={vi.fn()} />);
    const list = screen.getByRole('textbox', { name: /One address per line/ });
    await userEvent.type(list, 'ada@acme.io{enter}bob@acme');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("line 2: email must be an email address like name@example.com, got 'bob@acme'"));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Invite 1' }).disabled).toBe(true);
    await userEvent.type(list, '.io,analyst');
    const send = await screen.findByRole('button', { name: 'Invite 2' });
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(send);
    await screen.findByText('1 invited, 1 failed.');
    expect(actions.calls.sort()).toEqual(['invite ada@acme.io DEVELOPER', 'invite bob@acme.io ANALYST']);
    expect(screen.getByText('bob@acme.io: FORBIDDEN: Permission denied')).toBeTruthy();
  });
});
