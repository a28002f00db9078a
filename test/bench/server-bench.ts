/**
 * npm run bench:server [-- --baseline DIR] [-- --database postgres://...|temporary] [-- --addresses N]: the reference server
 * under load, every figure from one run; with --database, the same figures again on PostgreSQL, with one
 * server process and with two on one database (bench-stores.ts).
 *
 * The server is the built command line (`serve --config FILE`), as operators run it; its limits come from
 * that file, inside the ranges the file allows (at most 10 attempts a challenge, 100 failures an account
 * an hour), and nothing is lifted by calling into the server. So the load is spread the way it must be:
 * 50 connections over BENCH_ACCOUNTS accounts (400 unless set), each with 10 challenges from password
 * sign-ins, each challenge answered 9 times with a wrong code, then once with a right one (three steps
 * per account: the codes of the previous, current and next 30 s step, in that order, as replay
 * protection allows). The same 50 connections also fall on 50 accounts, and on a single account: the
 * per-account order's worst case, for the 90 wrong codes one account may take within those limits.
 *
 * Beside it: a bare Fastify route (measured before and after everything else), the server's whole HTTP
 * side with a stub that refuses every code at once (the ceiling the HTTP layer leaves), password sign-ins
 * with the production Argon2id parameters, cold start (spawn until /api/v1/health answers), idle and peak
 * memory. With --baseline DIR (another checkout of this project, with node_modules), that checkout's
 * server is measured the same way in the same run, as "before"; one that has no dist/server/main.js is
 * run from its TypeScript sources, as it was then.
 *
 * Every load comes from 127.0.0.1, or with --addresses N (2 to 50) from N client addresses, 127.0.0.2 and up:
 * each connection keeps one, taken in turn, so with 50 no two requests in flight share an address, as a crowd
 * of clients (or a botnet) sends them. (autocannon reconnects only after a failure, so a connection cannot
 * move on to more addresses without changing what is measured.) Rates are answers over the time to the last.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildServer, SERVER_BUNDLE } from '../../build/build-server.js';
import { DEFAULT_CONFIG } from '../../server/config.js';
import { codeAt, createAccounts, openChallenges, postJson, signInToken, stepOf, wrongCode, type BenchAccount } from './bench-accounts.js';
import { loopbackAddresses } from './bench-addresses.js';
import { load, type LoadResult } from './bench-load.js';
import { peakResidentMiB, residentMiB, runCommand, serve, startProcess, type Checkout, type Running } from './bench-processes.js';
import { loadAcross, postgresStores, SQLITE, type BenchStore } from './bench-stores.js';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const CHILDREN = join(PROJECT_DIR, 'dist', 'bench', 'children.js');
const CONNECTIONS = 50;
const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 400);
const CHALLENGES = 10;
const WRONG_PER_CHALLENGE = 9;
const COLD_STARTS = 5;
const BARE_SECONDS = 10;
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const PLAIN = { username: 'bench-plain', password: 'bench-plain-password' };
/** Idle: this long after start without a request, when V8 has given back what starting up took. */
const IDLE_MS = 10_000;

/** Inside the ranges `--config` allows: no failure lock before the hourly ceiling, no address or request cap in the way. */
const LIMITS = {
  challenge: { ttlSeconds: 300, maxAttempts: 10 },
  throttle: { account: { lockAfterFailures: 1_000_000, maxFailuresPerHour: 100 }, address: { maxFailures: 1_000_000 }, authRequestsPerMinute: 1_000_000 },
};
/** For setting the accounts up: the cheapest Argon2id the file allows (their hashes keep these parameters). */
const SETUP = { ...LIMITS, argon2: { memoryCost: 8192, timeCost: 1, parallelism: 1 } };

interface Figures {
  readonly label: string;
  readonly oneAccount: LoadResult;
  readonly fiftyAccounts: LoadResult;
  readonly coldStartMs: readonly number[];
  readonly populatedStartMs: number;
  readonly idleMiB: number;
  readonly peakMiB: number;
  readonly wrong: LoadResult;
  readonly right: LoadResult;
  readonly password: LoadResult;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withServer<T>(running: Promise<Running>, work: (server: Running) => Promise<T>): Promise<T> {
  const server = await running;
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** Wrong codes: round after round over every account's challenges, so consecutive requests are for different accounts. */
function wrongBodies(accounts: readonly BenchAccount[]): { challengeId: string; code: string }[] {
  const step = stepOf(Date.now());
  const wrong = accounts.map((a) => wrongCode(a.secret, step));
  const bodies: { challengeId: string; code: string }[] = [];
  for (let attempt = 0; attempt < WRONG_PER_CHALLENGE; attempt += 1) {
    for (let c = 0; c < CHALLENGES; c += 1) {
      accounts.forEach((a, i) => bodies.push({ challengeId: a.challenges[c] ?? '', code: wrong[i] ?? '' }));
    }
  }
  return bodies;
}

/** Right codes: the previous, current and next step of each account, each on a challenge of its own. */
function rightBodies(accounts: readonly BenchAccount[]): { challengeId: string; code: string }[] {
  const step = stepOf(Date.now());
  return [-1, 0, 1].flatMap((offset, c) =>
    accounts.filter((a) => step + offset > a.confirmedStep).map((a) => ({ challengeId: a.challenges[c] ?? '', code: codeAt(a.secret, step + offset) })),
  );
}

const drawing = <T>(items: readonly T[]) => {
  let next = 0;
  return () => items[next++ % items.length];
};

/** `count` servers on one store, stopped when `work` is done. */
async function withServers<T>(count: number, start: (i: number) => Promise<Running>, work: (servers: readonly Running[]) => Promise<T>): Promise<T> {
  const servers: Running[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await start(i));
    return await work(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function measure(checkout: Checkout, store: BenchStore): Promise<Figures> {
  const work = await mkdtemp(join(tmpdir(), 'stepgate-bench-'));
  const opened = await store.open(work);
  const storeArgs = opened.args;
  try {
    const setupFile = join(work, 'setup.json');
    const runFile = join(work, 'run.json');
    await writeFile(setupFile, JSON.stringify(SETUP));
    await writeFile(runFile, JSON.stringify(LIMITS));

    const coldStartMs: number[] = [];
    for (let i = 0; i < COLD_STARTS; i += 1) {
      coldStartMs.push(await withServer(serve(checkout, join(work, `cold${i}`), runFile, storeArgs), async (s) => s.startMs));
    }

    const dataDir = join(work, 'data');
    await runCommand(checkout, ['user', 'create', ADMIN.username, '--admin', '--data', dataDir, '--config', setupFile, ...storeArgs], `${ADMIN.password}\n`);
    process.stdout.write(`  ${checkout.label}, ${store.label}: setting up ${ACCOUNTS} accounts ...`);
    const { accounts, single, fifty } = await withServer(serve(checkout, dataDir, setupFile, storeArgs), async (s) => {
      const api = `${s.origin}/api/v1`;
      const token = await signInToken(api, ADMIN.username, ADMIN.password);
      return {
        accounts: await createAccounts(api, token, 'bench', ACCOUNTS),
        single: await createAccounts(api, token, 'single', 1),
        fifty: await createAccounts(api, token, 'fifty', CONNECTIONS),
      };
    });
    process.stdout.write(` opening ${ACCOUNTS * CHALLENGES} challenges ...`);

    // The measured servers: started again on the populated store, with the production Argon2id parameters.
    return await withServers(store.instances, (i) => serve(checkout, i === 0 ? dataDir : `${dataDir}-${i}`, runFile, storeArgs), async (servers) => {
      const s = servers[0];
      if (s === undefined) throw new Error('no server started');
      const api = `${s.origin}/api/v1`;
      await sleep(IDLE_MS);
      const idleMiB = residentMiB(s.pid);
      const admin = await signInToken(api, ADMIN.username, ADMIN.password);
      const created = await postJson(`${api}/admin/users`, PLAIN, admin);
      if (created.status !== 201) throw new Error(`could not create ${PLAIN.username}: ${created.status}`);
      await openChallenges(api, accounts, CHALLENGES);
      await openChallenges(api, [...single, ...fifty], CHALLENGES);
      process.stdout.write(' measuring\n');

      const wrong = wrongBodies(accounts);
      const warmUp = Math.floor(wrong.length / 10);
      const totp = '/api/v1/auth/totp';
      await loadAcross(servers, { localAddresses: FROM, path: totp, connections: CONNECTIONS, amount: warmUp, body: drawing(wrong.slice(0, warmUp)) });
      const wrongRun = await loadAcross(servers, { localAddresses: FROM, path: totp, connections: CONNECTIONS, amount: wrong.length - warmUp, body: drawing(wrong.slice(warmUp)) });
      const right = rightBodies(accounts);
      const rightRun = await loadAcross(servers, { localAddresses: FROM, path: totp, connections: CONNECTIONS, amount: right.length, body: drawing(right) });
      const passwordRun = await loadAcross(servers, { localAddresses: FROM, path: '/api/v1/auth/login', connections: 4, seconds: 5, body: PLAIN });
      const singleBodies = wrongBodies(single);
      const oneAccount = await loadAcross(servers, { localAddresses: FROM, path: totp, connections: CONNECTIONS, amount: singleBodies.length, body: drawing(singleBodies) });
      const fiftyBodies = wrongBodies(fifty);
      const fiftyAccounts = await loadAcross(servers, { localAddresses: FROM, path: totp, connections: CONNECTIONS, amount: fiftyBodies.length, body: drawing(fiftyBodies) });
      return {
        label: `${checkout.label}, ${store.label}`,
        oneAccount,
        fiftyAccounts,
        coldStartMs,
        populatedStartMs: s.startMs,
        idleMiB,
        peakMiB: peakResidentMiB(s.pid),
        wrong: wrongRun,
        right: rightRun,
        password: passwordRun,
      };
    });
  } finally {
    await opened.drop();
    await rm(work, { recursive: true, force: true });
  }
}

async function stubRun(): Promise<LoadResult> {
  const work = await mkdtemp(join(tmpdir(), 'stepgate-bench-stub-'));
  try {
    const runFile = join(work, 'run.json');
    await writeFile(runFile, JSON.stringify(LIMITS));
    return await withServer(startProcess([process.execPath, CHILDREN, 'stub', join(work, 'data'), runFile], PROJECT_DIR), async (s) => {
      const url = `${s.origin}/api/v1/auth/totp`;
      const body = { challengeId: 'ch_stub', code: '000000' };
      await load({ localAddresses: FROM, url, connections: CONNECTIONS, seconds: 2, body, pid: s.pid });
      return load({ localAddresses: FROM, url, connections: CONNECTIONS, seconds: BARE_SECONDS, body, pid: s.pid });
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function bareRun(): Promise<LoadResult> {
  return withServer(startProcess([process.execPath, CHILDREN, 'bare'], PROJECT_DIR, '/bare'), async (s) => {
    await load({ localAddresses: FROM, url: `${s.origin}/bare`, connections: CONNECTIONS, seconds: 2, body: {}, pid: s.pid });
    return load({ localAddresses: FROM, url: `${s.origin}/bare`, connections: CONNECTIONS, seconds: BARE_SECONDS, body: {}, pid: s.pid });
  });
}

function baselineCheckout(dir: string): Checkout {
  const built = join(dir, 'dist', 'server', 'main.js');
  return existsSync(built)
    ? { label: 'baseline', dir, command: [process.execPath, built] }
    : { label: 'baseline', dir, command: [process.execPath, '--import', 'tsx', join(dir, 'server', 'cli', 'main.ts')] };
}

// --- the run ---

const { values } = parseArgs({ options: { baseline: { type: 'string' }, database: { type: 'string' }, addresses: { type: 'string' } }, strict: true });
const addressCount = values.addresses === undefined ? 0 : Number(values.addresses);
if (!Number.isInteger(addressCount) || addressCount < 0 || addressCount > CONNECTIONS) {
  throw new Error(`--addresses takes a whole number up to the ${CONNECTIONS} connections (each keeps one address), not ${values.addresses ?? ''}`);
}
/** The client addresses of every load; empty: 127.0.0.1. */
const FROM = loopbackAddresses(addressCount);
await buildServer();
await build({
  entryPoints: [join(PROJECT_DIR, 'test', 'bench', 'bench-children.ts')],
  outfile: CHILDREN,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', '@node-rs/argon2'],
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  logLevel: 'warning',
});

const load1 = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadBefore = load1();
const sources = FROM.length === 0 ? 'from 127.0.0.1' : `from ${FROM.length} addresses (${FROM[0] ?? ''} to ${FROM.at(-1) ?? ''})`;
console.log(`Stepgate server benchmark: ${CONNECTIONS} connections ${sources}, ${ACCOUNTS} accounts x ${CHALLENGES} challenges, loopback, one machine`);
console.log(`load average at start ${loadBefore} (1, 5, 15 min)\n`);
const bareBefore = await bareRun();
const stub = await stubRun();
const checkouts: Checkout[] = [
  ...(values.baseline === undefined ? [] : [baselineCheckout(resolve(values.baseline))]),
  { label: 'this checkout', dir: PROJECT_DIR, command: [process.execPath, SERVER_BUNDLE] },
];
const figures: Figures[] = [];
for (const checkout of checkouts) figures.push(await measure(checkout, SQLITE));
if (values.database !== undefined) {
  const postgres = await postgresStores(values.database);
  try {
    for (const store of postgres.stores) figures.push(await measure({ label: 'this checkout', dir: PROJECT_DIR, command: [process.execPath, SERVER_BUNDLE] }, store));
  } finally {
    await postgres.stop();
  }
}
const bareAfter = await bareRun();

// --- the report ---

const bare = (bareBefore.rps + bareAfter.rps) / 2;
const f0 = (n: number) => n.toFixed(0);
const latency = (r: LoadResult) => `p50 ${r.p50}  p99 ${r.p99}  p99.9 ${r.p999}  max ${r.max} ms`;
const answers = (r: LoadResult) =>
  `${Object.entries(r.statuses)
    .map(([code, n]) => `${n} x ${code}`)
    .join(', ')}${r.errors > 0 ? `, ${r.errors} errors` : ''}`;
const row = (name: string, r: LoadResult, extra = '') =>
  console.log(`${name.padEnd(34)} ${f0(r.rps).padStart(6)} req/s  ${f0(r.cpuUs).padStart(5)} us CPU/req  ${latency(r)}${extra}`);

console.log('');
row('bare Fastify route, before', bareBefore);
row('bare Fastify route, after', bareAfter);
const bareCpu = (bareBefore.cpuUs + bareAfter.cpuUs) / 2;
/** Against the bare route: by rate, and by CPU time per request (which the machine's other load moves less). */
const versusBare = (r: LoadResult) => `${(r.rps / bare).toFixed(2)} x bare (by CPU ${(bareCpu / r.cpuUs).toFixed(2)})`;
row('stub /auth/totp (HTTP ceiling)', stub, `   ${versusBare(stub)}`);
const a = DEFAULT_CONFIG.argon2;
for (const f of figures) {
  console.log(`\n${f.label}`);
  row(`  wrong codes, ${ACCOUNTS} accounts`, f.wrong, `   ${versusBare(f.wrong)}   (${answers(f.wrong)})`);
  row(`  wrong codes, ${CONNECTIONS} accounts`, f.fiftyAccounts, `   ${versusBare(f.fiftyAccounts)}   (${answers(f.fiftyAccounts)})`);
  row('  wrong codes, 1 account', f.oneAccount, `   (${answers(f.oneAccount)})`);
  row('  right codes', f.right, `   (${answers(f.right)})`);
  row(`  password sign-ins, 4 conns`, f.password, `   Argon2id m=${a.memoryCost} KiB t=${a.timeCost} p=${a.parallelism}`);
  console.log(`  cold start to health             ${f.coldStartMs.map(f0).join(' / ')} ms (median ${f0(median(f.coldStartMs))}); populated folder ${f0(f.populatedStartMs)} ms`);
  console.log(`  memory (RSS)                     idle ${f.idleMiB.toFixed(0)} MiB (${IDLE_MS / 1000} s after start), peak ${f.peakMiB.toFixed(0)} MiB`);
}
console.log(`\nload average at start ${loadBefore}, at end ${load1()} (1, 5, 15 min; ${availableParallelism()} cores)`);
console.log('Goals: wrong codes >= 0.5 x bare; p99 <= 20 ms and max <= 100 ms; cold start <= 500 ms; idle <= 80 MiB, peak <= 150 MiB.');
