/**
 * The processes the benchmark measures: a checkout's server started through its own command line, the
 * bare Fastify route and the stub app (bench-children.ts), with the time from spawn until
 * /api/v1/health answers and the memory the kernel counts for them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Running {
  readonly origin: string;
  readonly pid: number;
  /** Milliseconds from spawn until /api/v1/health (or the bare route) answered 200. */
  readonly startMs: number;
  stop(): Promise<void>;
}

/** How to run one checkout's command line. */
export interface Checkout {
  readonly label: string;
  readonly dir: string;
  /** The program and its first arguments, before the command (serve, user create ...). */
  readonly command: readonly string[];
}

const START_TIMEOUT_MS = 60_000;

/** Starts a process that prints `listening on URL` (or one JSON line with `origin`) when ready; waits until `probe` answers. */
export async function startProcess(argv: readonly string[], cwd: string, probe = '/api/v1/health'): Promise<Running> {
  const [program, ...args] = argv;
  if (program === undefined) throw new Error('nothing to start');
  const started = performance.now();
  const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await readyOrigin(child);
  for (;;) {
    const ok = await fetch(`${origin}${probe}`, { method: probe === '/bare' ? 'POST' : 'GET' }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`${argv.join(' ')} did not answer ${probe}`);
  }
  const startMs = performance.now() - started;
  if (child.pid === undefined) throw new Error('the process has no id');
  const pid = child.pid;
  return {
    origin,
    pid,
    startMs,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function readyOrigin(child: ChildProcess): Promise<string> {
  if (child.stdout === null) throw new Error('no standard output');
  const lines = createInterface({ input: child.stdout });
  try {
    for await (const line of lines) {
      const listening = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (listening !== undefined) return listening;
      // A child of bench-children.ts says {"origin": ...}; a server's JSON log lines say other things.
      const origin = line.startsWith('{') ? (JSON.parse(line) as { origin?: unknown }).origin : undefined;
      if (typeof origin === 'string') return origin;
    }
  } finally {
    lines.close();
    // Whatever it writes later (a request log) is read and dropped, so it never blocks on a full pipe.
    child.stdout.resume();
  }
  throw new Error('the process ended before it was ready');
}

/** Runs one command of a checkout to its end, with `stdin` piped in. */
export function runCommand(checkout: Checkout, args: readonly string[], stdin = ''): Promise<void> {
  const [program, ...rest] = checkout.command;
  if (program === undefined) throw new Error('nothing to run');
  const child = spawn(program, [...rest, ...args], { cwd: checkout.dir, stdio: ['pipe', 'ignore', 'inherit'] });
  child.stdin?.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export function serve(checkout: Checkout, dataDir: string, configFile: string, extra: readonly string[] = []): Promise<Running> {
  return startProcess([...checkout.command, 'serve', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--config', configFile, ...extra], checkout.dir);
}

const statusField = (pid: number, field: string): number => {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
};

/** Resident memory now, MiB. */
export const residentMiB = (pid: number): number => statusField(pid, 'VmRSS');
/** The most resident memory the process has had, MiB. */
export const peakResidentMiB = (pid: number): number => statusField(pid, 'VmHWM');
