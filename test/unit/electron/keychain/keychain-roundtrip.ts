/**
 * Run as a child process by keytar-store.test.ts, inside or outside a D-Bus session, so the real
 * Secret Service (or its absence) is what the store meets. Prints one JSON line of observations.
 */
import { keychainStore, loadKeytar } from '../../../../electron/keychain/keytar-store.js';

const service = process.argv[2] ?? 'StepgateTest';
const server = 'http://127.0.0.1:4000';
const other = 'https://other.example.com';
const keytar = await loadKeytar();
const store = keychainStore(keytar, service);
const probe = await store.probe();
await store.rememberUsername(server, 'ada');
const stored = await store.rememberSessionToken(server, 'token-value');
const seen = { username: await store.lastUsername(server), token: await store.sessionToken(server) };
await store.forgetSessionToken(server);
const afterForget = await store.sessionToken(server);
// Sessions kept for two servers, then deleted all at once, as a policy that forbids keeping sessions does.
await store.rememberSessionToken(server, 'token-a');
await store.rememberSessionToken(other, 'token-b');
const forgotAll = await store.forgetAllSessionTokens();
const afterForgetAll = [await store.sessionToken(server), await store.sessionToken(other)];
// Trusted-computer tokens: one per server and username, the username compared as the server does.
const trustedStored = await store.rememberTrustedComputerToken(server, 'Ada', 'tc_ada');
await store.rememberTrustedComputerToken(server, 'grace', 'tc_grace');
await store.rememberTrustedComputerToken(other, 'ada', 'tc_other');
const trusted = {
  ada: await store.trustedComputerToken(server, 'ada'),
  grace: await store.trustedComputerToken(server, 'grace'),
  adaElsewhere: await store.trustedComputerToken(other, 'ADA'),
};
await store.forgetTrustedComputerToken(server, 'ADA');
const trustedAfterForget = [await store.trustedComputerToken(server, 'ada'), await store.trustedComputerToken(server, 'grace')];
// A session kept beside them outlives forgetting them all, as a policy that forbids trusted computers does.
await store.rememberSessionToken(server, 'token-c');
const forgotAllTrusted = await store.forgetAllTrustedComputerTokens();
const afterForgetAllTrusted = [await store.trustedComputerToken(server, 'grace'), await store.trustedComputerToken(other, 'ada'), await store.sessionToken(server)];
await store.forgetSessionToken(server);
// Sign-outs the server has not confirmed: one entry per session, listed for every server, deleted one by one;
// an entry that is not one the store wrote is deleted rather than sent anywhere.
const signOutStored = await store.rememberUnconfirmedSignOut({ serverUrl: server, token: 'sess-1', expiresAt: 1_900_000_000_000 });
await store.rememberUnconfirmedSignOut({ serverUrl: server, token: 'sess-2', expiresAt: 1_900_000_000_001 });
await store.rememberUnconfirmedSignOut({ serverUrl: other, token: 'sess-3', expiresAt: 1_900_000_000_002 });
await keytar?.setPassword(service, `signout@${other}#forged`, JSON.stringify({ serverUrl: 'https://evil.example', token: 'x', expiresAt: 1 })).catch(() => undefined);
const signOuts = (await store.unconfirmedSignOuts()).map((s) => `${s.serverUrl} ${s.token} ${s.expiresAt}`).sort();
const signOutAccountsHoldNoToken = keytar === null ? true : (await keytar.findCredentials(service).catch(() => [])).every((c) => !/sess-\d/.test(c.account));
await store.forgetUnconfirmedSignOut(server, 'sess-1');
await store.forgetUnconfirmedSignOut(other, 'sess-3');
const signOutsAfterForget = (await store.unconfirmedSignOuts()).map((s) => s.token);
await store.forgetUnconfirmedSignOut(server, 'sess-2');
const left = keytar === null ? [] : (await keytar.findCredentials(service).catch(() => [])).map((c) => c.account).sort();
for (const account of left) await keytar?.deletePassword(service, account).catch(() => false);
console.log(
  JSON.stringify({
    probe,
    available: store.available,
    state: store.state,
    stored,
    ...seen,
    afterForget,
    forgotAll,
    afterForgetAll,
    trustedStored,
    trusted,
    trustedAfterForget,
    forgotAllTrusted,
    afterForgetAllTrusted,
    signOutStored,
    signOuts,
    signOutAccountsHoldNoToken,
    signOutsAfterForget,
    left,
  }),
);
