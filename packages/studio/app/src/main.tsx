import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import type { StudioSession } from '../../src/capabilities.js';
import { AccessStore } from './access';
import { App } from './App';
import { createStudioClient } from './client';
import { StatusStore } from './status';

const root = createRoot(document.getElementById('root')!);

async function start(): Promise<void> {
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { errors?: { message: string }[] } | undefined;
    throw new Error(body?.errors?.[0]?.message ?? `The studio server answered HTTP ${response.status}`);
  }
  const session = (await response.json()) as StudioSession;
  const status = new StatusStore();
  const access = new AccessStore();
  root.render(
    <StrictMode>
      <Provider value={createStudioClient(status, access)}>
        <App session={session} status={status} access={access} />
      </Provider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.render(
    <main>
      <h1>Roster Studio</h1>
      <p role="alert" className="banner error">
        {error instanceof Error ? error.message : String(error)}
      </p>
    </main>,
  );
});
