/**
 * Electron's own installer, run as `npm start` runs it, against a download mirror on loopback
 * (ELECTRON_MIRROR), so every way a fetch can end short of a real runtime is seen for real: the
 * mirror says 404, nothing answers at its address, the download starts and breaks off (with
 * progress shown first), or nothing arrives within the time limit. A successful fetch needs the real download and is not run here.
 *
 * The installer runs from a copy of the electron package's files in a temporary folder, with the
 * project's node_modules on NODE_PATH, so it never touches (or finds) the project's own runtime.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureReason, fetchElectronRuntime, fetchTimeoutMs, progressLine } from '../../../../electron/launch/fetch-electron.js';
import { installerEnv, ROOT, startDownloadMirror, type DownloadMirror } from './download-mirror.js';

const ELECTRON = join(ROOT, 'node_modules', 'electron');
const { version } = JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8')) as { readonly version: string };

const work = mkdtempSync(join(tmpdir(), 'stepgate-fetch-electron-'));
const installerDir = join(work, 'node_modules', 'electron');
const installer = join(installerDir, 'install.js');
const cache = join(work, 'cache');

let mirror: DownloadMirror;
beforeAll(async () => {
  mkdirSync(installerDir, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json']) copyFileSync(join(ELECTRON, file), join(installerDir, file));
  mirror = await startDownloadMirror();
});
afterAll(async () => {
  await mirror.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => mirror.reset());

const env = () => installerEnv(mirror.url, cache);

const artefact = `/v${version}/electron-v${version}-${process.platform}-${process.arch}.zip`;

describe('fetchElectronRuntime', () => {
  it('says in one sentence why the mirror would not give the runtime', async () => {
    const outcome = await fetchElectronRuntime({ installer, env: env(), timeoutMs: 60_000, onProgress: () => undefined });
    expect(mirror.requests).toEqual([artefact]);
    expect(outcome).toEqual({ ok: false, reason: `Electron's installer could not fetch the runtime (Response code 404 (Not Found) for ${mirror.url.slice(0, -1)}${artefact})` });
    expect(readdirSync(installerDir).sort()).toEqual(['checksums.json', 'install.js', 'package.json']);
  });

  it('shows how far the download got, then says why it broke off', async () => {
    const total = 40_000_000;
    let progressSeen: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => (progressSeen = resolve));
    mirror.answer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': String(total) });
      res.write(Buffer.alloc(total / 4));
      // Broken off only once the progress has been shown, so nothing here depends on timing.
      void seen.then(() => res.destroy());
    });
    const lines: string[] = [];
    const outcome = await fetchElectronRuntime({
      installer,
      env: env(),
      timeoutMs: 60_000,
      onProgress: (line) => {
        lines.push(line);
        if (line.includes('25% of 40 MB')) progressSeen();
      },
    });
    expect(lines[0]).toMatch(/^Fetching the Electron runtime \(first start only\)… 0 s of at most 60 s$/);
    expect(lines.some((line) => /^Fetching the Electron runtime \(first start only\)… 25% of 40 MB, \d+ s of at most 60 s$/.test(line))).toBe(true);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(/^Electron's installer could not fetch the runtime \(.+\)$/);
  });

  it('names the network failure under fetch\'s "fetch failed" when nothing answers at the mirror', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await fetchElectronRuntime({ installer, env: { ...env(), ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, timeoutMs: 60_000, onProgress: () => undefined });
    expect(outcome).toEqual({ ok: false, reason: `Electron's installer could not fetch the runtime (fetch failed: connect ECONNREFUSED 127.0.0.1:${port})` });
  });

  it('gives up at the time limit and says so', async () => {
    // The mirror takes the request and never answers.
    mirror.answer(() => undefined);
    const outcome = await fetchElectronRuntime({ installer, env: env(), timeoutMs: 1_500, onProgress: () => undefined });
    expect(outcome).toEqual({ ok: false, reason: 'the Electron runtime did not arrive within 2 seconds' });
  });
});

describe('progressLine', () => {
  it('says how far, how long, and how long at most', () => {
    expect(progressLine({ transferred: 0, total: null, elapsedMs: 900, limitMs: 300_000 })).toBe('Fetching the Electron runtime (first start only)… 0 s of at most 300 s');
    expect(progressLine({ transferred: 52_000_000, total: 104_000_000, elapsedMs: 12_400, limitMs: 300_000 })).toBe(
      'Fetching the Electron runtime (first start only)… 50% of 104 MB, 12 s of at most 300 s',
    );
    expect(progressLine({ transferred: 3_000_000, total: null, elapsedMs: 2_000, limitMs: 300_000 })).toBe('Fetching the Electron runtime (first start only)… 3 MB, 2 s of at most 300 s');
  });
});

describe('failureReason', () => {
  it('keeps the first line of what the installer printed, without the stack', () => {
    const stack = 'TypeError: fetch failed: getaddrinfo ENOTFOUND github.com\n    at node:internal/deps/undici/undici:16416:13\n';
    expect(failureReason(stack, 1)).toBe("Electron's installer could not fetch the runtime (fetch failed: getaddrinfo ENOTFOUND github.com)");
    expect(failureReason('HTTPError: Response code 404 (Not Found) for https://example.test/x.zip\n    at y\n', 1)).toBe(
      "Electron's installer could not fetch the runtime (Response code 404 (Not Found) for https://example.test/x.zip)",
    );
    expect(failureReason('', 7)).toBe("Electron's installer could not fetch the runtime (it exited with code 7)");
  });
});

describe('fetchTimeoutMs', () => {
  it('is five minutes unless STEPGATE_ELECTRON_FETCH_SECONDS says otherwise', () => {
    expect(fetchTimeoutMs({})).toBe(300_000);
    expect(fetchTimeoutMs({ STEPGATE_ELECTRON_FETCH_SECONDS: '900' })).toBe(900_000);
    expect(fetchTimeoutMs({ STEPGATE_ELECTRON_FETCH_SECONDS: 'soon' })).toBe(300_000);
  });
});
