/**
 * The preview's diagnostics routes, as the IPC handlers are in Electron: only the preview's own
 * page may ask (its Origin), with no arguments; the real flow and the real server behind them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverOnlyConfig } from '../../../../electron/config/resolve-config.js';
import { noKeychain } from '../../../../electron/keychain/credential-store.js';
import { startPreview, type Preview } from '../../../../electron/preview/preview-server.js';
import type { Diagnostics } from '../../../../shared/ipc/diagnostics.js';
import { PREVIEW_ROUTES } from '../../../../shared/ipc/preview-routes.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';

let server: TestServer;
let preview: Preview;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'stepgate-preview-diagnostics-'));
  const config = serverOnlyConfig(server.url);
  preview = await startPreview({
    rendererDir: dir,
    config,
    configEnvironment: { userSettingsPath: join(dir, 'settings.json'), readFile: async () => ({ kind: 'absent' }) },
    credentials: noKeychain,
    systemLanguages: ['en-US'],
    diagnostics: { sources: [{ name: '--server', kind: 'commandLine', values: { serverUrl: server.url }, problems: [] }], policySources: [] },
  });
});

afterAll(async () => {
  await preview.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (route: string, headers: Record<string, string> = { Origin: preview.url }, body?: string) =>
  fetch(`${preview.url}${route}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });

describe('the preview diagnostics routes', () => {
  it('collect the diagnostics for the page of the preview', async () => {
    const response = await post(PREVIEW_ROUTES.diagnostics);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Diagnostics;
    expect(report.server).toMatchObject({ url: server.url, origin: 'developmentSwitch', certificate: { kind: 'notTls' }, clock: { kind: 'offset' } });
    expect(report.keychain).toEqual({ kind: 'unavailable', cause: 'noModule' });
    expect(report.logFile).toBeNull();
  });

  it('copy as text in the app’s language, kept where tests can read it', async () => {
    expect((await post(PREVIEW_ROUTES.copyDiagnostics)).status).toBe(204);
    expect(preview.clipboard).toContain(`Server: ${server.url}\nServer address from: development switch`);
    const kept = (await (await fetch(`${preview.url}${PREVIEW_ROUTES.clipboard}`)).json()) as { clipboard: string };
    expect(kept.clipboard).toBe(preview.clipboard);
  });

  it('refuse another site, a request without an Origin, a GET and any argument', async () => {
    for (const route of [PREVIEW_ROUTES.diagnostics, PREVIEW_ROUTES.copyDiagnostics]) {
      expect((await post(route, { Origin: 'https://attacker.example' })).status).toBe(403);
      expect((await post(route, {})).status).toBe(403);
      expect((await fetch(`${preview.url}${route}`)).status).toBe(403);
      expect((await post(route, { Origin: preview.url, 'Content-Type': 'application/json' }, '{"server":"https://attacker.example"}')).status).toBe(400);
    }
  });
});
