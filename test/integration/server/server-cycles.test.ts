/**
 * The server's native SQLite objects end inside the Node environment that made them. Node 24's
 * C++ object wrappers remove an environment hook when they are freed, and abort the process
 * (`Assertion failed: (env) != nullptr`) where that environment is already gone: a SQLite module built on
 * them aborted the server at start, at stop or at a garbage collection in between. These runs start and
 * stop the server and its checkpoint worker many times, on the Node running the suite, and fail on such an
 * abort as on any other way of ending badly.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/store/sqlite/database.js';
import { startCliServer } from '../../support/cli-server.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const folders: string[] = [];
const dataFolder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stepgate-cycles-'));
  folders.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNode(args: readonly string[]): Promise<Ended> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

describe('the server starts and stops without a native abort', () => {
  it('25 rounds in one process (sign-in, writes, the checkpoint worker, a garbage collection after each), then it ends by itself', async () => {
    const dir = await dataFolder();
    const ended = await runNode(['--expose-gc', '--import', 'tsx', 'test/support/server-cycles.ts', dir, '25']);
    expect(ended.stderr).not.toMatch(/Assertion failed|Native stack trace/);
    expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 0, signal: null });
    expect(JSON.parse(ended.stdout.trim())).toEqual({ rounds: 25, signIns: 25 });
  }, 120_000);

  it('the built server, stopped by SIGTERM and SIGINT in turn, exits 0 each time with its database closed', async () => {
    const dir = await dataFolder();
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGTERM', 'SIGINT', 'SIGTERM', 'SIGINT'] as const) {
      const server = await startCliServer(dir);
      const health = await fetch(`${server.origin}/api/v1/health`);
      expect(health.status).toBe(200);
      const ended = await server.stop(signal);
      expect(ended.stderr).not.toMatch(/Assertion failed|Native stack trace/);
      expect({ signal, code: ended.code, killedBy: ended.signal }).toEqual({ signal, code: 0, killedBy: null });
      // The last connection to close checkpoints the WAL and deletes it: a file left behind means a
      // connection was still open when the process ended, to be freed (or not) by its teardown.
      expect(existsSync(join(dir, `${DATABASE_FILE}-wal`)), `${signal}: the WAL is left behind`).toBe(false);
    }
  }, 120_000);

  it('the SQLite module is a Node-API binary, free of the Node C++ wrappers that abort on Node 24', async () => {
    const ended = await runNode([
      '-e',
      "const D = require('better-sqlite3'); new D(':memory:').close(); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.endsWith('.node'))))",
    ]);
    expect(ended.code).toBe(0);
    const binaries = JSON.parse(ended.stdout) as string[];
    expect(binaries).toHaveLength(1);
    const binary = readFileSync(binaries[0] ?? '').toString('latin1');
    expect(binary).toContain('napi_create_function');
    // node::ObjectWrap's constructor and destructor call these (on Node 24); their names survive every
    // compiler's mangling. Node-API modules reach cleanup hooks through napi_add_env_cleanup_hook instead.
    expect(binary).not.toContain('AddEnvironmentCleanupHook');
    expect(binary).not.toContain('RemoveEnvironmentCleanupHook');
  });
});
