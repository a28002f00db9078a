/**
 * npm run bench:server — prints, from one run: code verification throughput and p99 beside a bare
 * Fastify route measured the same way, the password sign-in rate with the production Argon2id
 * parameters, and the server process's peak memory.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../server/config.js';

const CONNECTIONS = 50;
const DURATION_S = 10;
const CHILD = fileURLToPath(new URL('./bench-server.ts', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  readonly ready: { origin: string; secret?: string };
}

async function startChild(mode: 'server' | 'bare'): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.stdout === null) throw new Error('no output from the benchmark process');
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) return { process: child, ready: JSON.parse(line) as Child['ready'] };
  throw new Error(`the ${mode} benchmark process ended before it was ready`);
}

function peakMemoryMiB(pid: number): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(hwm) / 1024;
}

async function load(url: string, body: unknown, connections: number, duration: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

const server = await startChild('server');
const bare = await startChild('bare');
try {
  const api = `${server.ready.origin}/api/v1`;
  const login = (await post(`${api}/auth/login`, { username: 'bench-totp', password: 'bench-password' })) as { challenge: { id: string } };

  // Warm both up alike, then measure each alone.
  await load(`${bare.ready.origin}/bare`, {}, 10, 2);
  await load(`${api}/auth/totp`, { challengeId: login.challenge.id, code: '000000' }, 10, 2);
  const bareRun = await load(`${bare.ready.origin}/bare`, {}, CONNECTIONS, DURATION_S);
  // A well-formed code that does not match: the full verification (challenge, lock check, decryption,
  // HMAC across the window, attempt and throttle bookkeeping, audit) on every request.
  const verifyRun = await load(`${api}/auth/totp`, { challengeId: login.challenge.id, code: '000000' }, CONNECTIONS, DURATION_S);
  const loginRun = await load(`${api}/auth/login`, { username: 'bench-plain', password: 'bench-password' }, 4, 5);
  const peak = server.process.pid === undefined ? Number.NaN : peakMemoryMiB(server.process.pid);

  const a = DEFAULT_CONFIG.argon2;
  const f = (n: number) => n.toFixed(0);
  console.log(`\nStepgate server benchmark (${CONNECTIONS} connections, ${DURATION_S} s each, one machine, loopback)\n`);
  console.log(`bare Fastify route          ${f(bareRun.rps)} req/s   p50 ${bareRun.p50} ms   p99 ${bareRun.p99} ms`);
  console.log(`POST /auth/totp (verify)    ${f(verifyRun.rps)} req/s   p50 ${verifyRun.p50} ms   p99 ${verifyRun.p99} ms   (${verifyRun.total} requests, all answered 401 invalid_code: ${verifyRun.non2xx === verifyRun.total})`);
  console.log(`verify / bare throughput    ${(verifyRun.rps / bareRun.rps).toFixed(2)}   (target >= 0.50)   p99 target < 20 ms: ${verifyRun.p99 < 20 ? 'met' : 'missed'}`);
  console.log(`POST /auth/login (password) ${f(loginRun.rps)} sign-ins/s at 4 connections, p50 ${loginRun.p50} ms   Argon2id m=${a.memoryCost} KiB t=${a.timeCost} p=${a.parallelism}`);
  console.log(`server peak memory (RSS)    ${peak.toFixed(1)} MiB`);
  if (verifyRun.errors + bareRun.errors + loginRun.errors > 0) console.log(`connection errors: verify ${verifyRun.errors}, bare ${bareRun.errors}, login ${loginRun.errors}`);
} finally {
  server.process.kill();
  bare.process.kill();
}
