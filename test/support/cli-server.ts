/**
 * The reference server as an operator runs it: its own process, the built command line
 * (dist/server/main.js, built once before the tests by global-setup.ts), so a test can kill it outright
 * and start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SERVER_BUNDLE } from '../../build/build-server.js';

const START_TIMEOUT_MS = 20_000;

/** Node running the bundle, one process: a signal sent to it reaches the server itself. */
function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [SERVER_BUNDLE, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one command to its end, `stdin` piped in (a password, for `user create`). A command still
 * running after `timeoutMs` (a server that should have refused to start) is killed: code null.
 */
export function runCli(args: readonly string[], stdin = '', timeoutMs = 15_000, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin?.end(stdin);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface CliServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  readonly pid: number;
  /** Lines the server wrote to standard output (its request log, JSON), so far. */
  readonly output: readonly string[];
  /** Sends `signal` and waits until the process is gone; how it ended, and what it wrote to standard error. */
  stop(signal: NodeJS.Signals): Promise<CliExit>;
}

export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * `serve --port 0 --data DIR` (or the port given: a server started again where its clients knew it);
 * resolves once it prints where it listens.
 */
export function startCliServer(dataDir: string, extra: readonly string[] = [], port = 0): Promise<CliServer> {
  const child = spawnCli(['serve', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir, ...extra]);
  const output: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // 'close' rather than 'exit': by then everything the process wrote has been read.
  const exited = new Promise<CliExit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stderr })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (code ${code}, signal ${signal}): ${stderr}`));
    });
    if (child.stdout === null) throw new Error('the server has no standard output');
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const listening = /listening on (http:\/\/\S+)/.exec(line);
      if (listening?.[1] === undefined || child.pid === undefined) return;
      clearTimeout(timer);
      const pid = child.pid;
      resolve({
        origin: listening[1],
        pid,
        output,
        stop: async (signal) => {
          if (child.exitCode === null && child.signalCode === null) process.kill(pid, signal);
          return exited;
        },
      });
    });
  });
}
