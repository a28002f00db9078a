/**
 * Starts and stops the real server in this process, again and again, on one data folder: each round
 * opens SQLite (two connections and the checkpoint worker's), signs a user in and out and writes, then
 * closes everything, and the garbage collector runs with the SQLite objects of that round unreachable.
 * The process then ends by itself (no process.exit), so Node tears its environment and heap down as it
 * does for every command-line run. A native module that frees its objects outside Node's environment
 * aborts the process somewhere in here; a clean run prints its counts and exits 0.
 *
 * Run by test/integration/server/server-cycles.test.ts: node --expose-gc --import tsx server-cycles.ts DIR ROUNDS
 */
import { makeConfig } from '../../server/config.js';
import { startServer } from '../../server/server.js';

const [dataDir, roundsArg] = process.argv.slice(2);
if (dataDir === undefined || roundsArg === undefined) throw new Error('usage: server-cycles.ts DATA_DIR ROUNDS');
const rounds = Number(roundsArg);
const gc = (globalThis as { gc?: (options?: { type: 'major' | 'minor'; execution: 'sync' | 'async' }) => Promise<void> | void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const json = { 'content-type': 'application/json' };
const config = makeConfig(dataDir, { argon2: { memoryCost: 4096, timeCost: 1, parallelism: 1 }, port: 0 });
let signIns = 0;
for (let round = 0; round < rounds; round++) {
  const server = await startServer(config);
  const username = `cycle-${round}`;
  await server.operations.createUser({ username, password: 'cycle-password', isAdmin: false, totpRequired: false });
  const login = await fetch(`${server.origin}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password: 'cycle-password' }) });
  const body = (await login.json()) as { session?: { token?: string } };
  const token = body.session?.token;
  if (login.status !== 200 || token === undefined) throw new Error(`round ${round}: sign-in answered ${login.status}`);
  const me = await fetch(`${server.origin}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  if (me.status !== 200) throw new Error(`round ${round}: GET /me answered ${me.status}`);
  signIns++;
  await server.close();
  // Collect now, with this round's statements and connections unreachable, and once more from V8's own
  // task queue rather than from a JavaScript call.
  await gc({ type: 'major', execution: 'sync' });
  await gc({ type: 'minor', execution: 'async' });
}
console.log(JSON.stringify({ rounds, signIns }));
