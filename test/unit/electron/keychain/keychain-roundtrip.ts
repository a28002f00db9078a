/**
 * Run as a child process by keytar-store.test.ts, inside or outside a D-Bus session, so the real
 * Secret Service (or its absence) is what the store meets. Prints one JSON line of observations.
 */
import { loadKeytar, openKeychain } from '../../../../electron/keychain/keytar-store.js';

const service = process.argv[2] ?? 'StepgateTest';
const server = 'http://127.0.0.1:4000';
const store = await openKeychain(await loadKeytar(), service);
await store.rememberUsername(server, 'ada');
const stored = await store.rememberSessionToken(server, 'token-value');
const seen = { username: await store.lastUsername(server), token: await store.sessionToken(server) };
await store.forgetSessionToken(server);
const afterForget = await store.sessionToken(server);
await store.forgetSessionToken(server);
console.log(JSON.stringify({ available: store.available, stored, ...seen, afterForget }));
