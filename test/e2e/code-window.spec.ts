import { en } from '../../shared/messages/en.js';
import { auditTrailOf } from '../support/audit-trail.js';
import { api, codeAt, currentCode, enrolledAccount, signInElsewhere, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { skewedClockProxy } from './support/skewed-clock-proxy.js';
import { expectSignedIn } from './support/steps.js';

const LOCK_SECONDS = 4;

test.describe('lock-out', () => {
  // A short lock, and enough challenge attempts that the lock comes first.
  test.use({
    serverConfig: {
      challenge: { maxAttempts: 10 },
      throttle: { account: { lockAfterFailures: 2, baseLockSeconds: LOCK_SECONDS, maxLockSeconds: LOCK_SECONDS } },
    },
  });

  test('counts a lock-out down in one voice, keeps focus, and says recovery codes are locked too', async ({ server, launch }) => {
    const account = await enrolledAccount(server);
    const app = await launch();
    await app.loginWindow.signIn(account);
    const codeWindow = await app.codeWindow();
    const window = codeWindow.page;
    const input = codeWindow.codeInput;
    const problem = window.locator('#code-problem');
    const announcer = window.locator('[data-announcer]');
    for (let attempt = 0; attempt < 6; attempt++) {
      await expect(input).toBeEditable();
      await expect(input).toBeFocused();
      await window.keyboard.type(wrongCode(server, account.secret));
      await expect(problem).toBeVisible();
      if (/Too many attempts/.test((await problem.textContent()) ?? '')) break;
    }
    const lockSentence = /^Too many attempts\. You can try again in \d seconds?\. Recovery codes cannot be used until then either\.$/;
    await expect(problem).toHaveText(lockSentence);
    // Locked: the input keeps focus but takes nothing; the recovery code is not offered.
    await expect(input).toBeFocused();
    await expect(input).not.toBeEditable();
    await expect(codeWindow.useRecoveryCodeButton).toHaveCount(0);
    // One source: what is said is a sentence the screen showed, and it is not said again every second.
    await expect(announcer).toHaveText(lockSentence);
    const said = await announcer.textContent();
    const first = await problem.textContent();
    await expect(problem).not.toHaveText(first ?? '', { timeout: 3_000 });
    await expect(announcer).toHaveText(said ?? '');
    await expect(problem).toHaveText(en.code.lockedOver, { timeout: (LOCK_SECONDS + 2) * 1000 });
    await expect(announcer).toContainText(en.code.lockedOver);
    await expect(input).toBeEditable();
    await expect(input).toBeFocused();
    await expect(codeWindow.useRecoveryCodeButton).toBeVisible();
    // The server's clock is the test's: the lock ends there when the test says so.
    server.clock.advance(LOCK_SECONDS * 1000);
    await window.keyboard.type(currentCode(server, account.secret));
    await expectSignedIn(app, account);
  });
});

test('says why a right code was refused: the phone’s clock, then a code just used; focus stays in the code', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  // A phone four minutes fast.
  await codeWindow.enterCode(codeAt(account.secret, server.clock.now() + 4 * 60_000));
  const phoneClock = en.problem({ kind: 'wrongCode', attemptsRemaining: 4, reason: 'clock_skew' }, Date.now());
  await expect(codeWindow.problem).toHaveText(phoneClock);
  await expect(codeWindow.problem).toHaveAttribute('role', 'alert');
  await expect(codeWindow.codeInput).toBeFocused();
  await expect(codeWindow.codeInput).toHaveValue('');
  // The code now is used by another sign-in first, then typed here.
  const now = currentCode(server, account.secret);
  await signInElsewhere(server, account, now);
  await codeWindow.enterCode(now);
  await expect(codeWindow.problem).toHaveText(en.problem({ kind: 'wrongCode', attemptsRemaining: 3, reason: 'already_used' }, Date.now()));
  await expect(codeWindow.codeInput).toBeFocused();
  // The next time step's code signs in.
  server.clock.advance(30_000);
  await codeWindow.enterCode(currentCode(server, account.secret));
  await expectSignedIn(app, account);
});

test('says when this computer’s clock is minutes away from the server’s, heard with the code field', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  // The server's clock five minutes behind this computer's, as its Date header says.
  const proxy = await skewedClockProxy(server.url, -5 * 60_000);
  try {
    const app = await launch({ serverUrl: proxy.url });
    await app.loginWindow.signIn(account);
    const codeWindow = await app.codeWindow();
    const note = codeWindow.page.locator('#code-clock');
    await expect(note).toHaveText(en.code.computerClock(300));
    await expect(codeWindow.codeInput).toBeFocused();
    await expect(codeWindow.codeInput).toHaveAttribute('aria-describedby', /\bcode-clock\b/);
    // The codes themselves are checked on the server's time: the right one signs in all the same.
    await codeWindow.enterCode(currentCode(server, account.secret));
    await expectSignedIn(app, account);
  } finally {
    await proxy.close();
  }
});

test('an expired challenge says so and starts again from the password', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await expect(codeWindow.codeInput).toBeFocused();
  server.clock.advance(6 * 60_000);
  await codeWindow.enterCode(currentCode(server, account.secret));
  await expect(codeWindow.problem).toHaveText(en.problem({ kind: 'challengeExpired' }, Date.now()));
  await expect(codeWindow.codeInput).toBeDisabled();
  // The next action, "Start again", has focus.
  await expect(codeWindow.startAgainButton).toBeFocused();
  await codeWindow.page.keyboard.press('Enter');
  await expect(app.loginWindow.username).toHaveValue(account.username);
  await app.loginWindow.signIn(account);
  const again = await app.codeWindow();
  await again.enterCode(currentCode(server, account.secret));
  await expectSignedIn(app, account);
});

test('signs in with a recovery code instead', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const recoveryCode = account.recoveryCodes[0];
  if (recoveryCode === undefined) throw new Error('the server gave no recovery codes');
  const app = await launch();
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await codeWindow.enterRecoveryCode(recoveryCode);
  await expectSignedIn(app, account);
  // The person learns how many codes are left, since each works only once.
  await expect(app.page.getByRole('status').filter({ hasText: en.signedIn.recoveryCodesLeft(account.recoveryCodes.length - 1) })).toBeVisible();
  // Used up on the server: the same code is refused to the next sign-in.
  const events = (await auditTrailOf(server, account.username)).slice(-2);
  expect(events).toEqual([expect.objectContaining({ event: 'recovery_code_used' }), expect.objectContaining({ event: 'login_succeeded', method: 'recovery_code' })]);
  const login = await api<{ challenge?: { id: string } }>(server, 'POST', '/auth/login', { username: account.username, password: account.password });
  const again = await fetch(`${server.api}/auth/recovery`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeId: login.challenge?.id, recoveryCode }),
  });
  expect(again.status).toBe(401);
});

test.describe('challenge expiry', () => {
  test.use({ serverConfig: { challenge: { ttlSeconds: 4 } } });

  test('counts the challenge’s lifetime down, then says to start again', async ({ server, launch }) => {
    const account = await enrolledAccount(server);
    // Server time back to real time, so the short challenge ends by the page's clock too.
    server.clock.set(Date.now());
    const app = await launch();
    await app.loginWindow.signIn(account);
    const codeWindow = await app.codeWindow();
    const window = codeWindow.page;
    await expect(codeWindow.codeInput).toBeFocused();
    await expect(window.locator('#code-status')).toContainText(/expires in \d seconds?\./);
    await expect(codeWindow.problem).toHaveText(en.problem({ kind: 'challengeExpired' }, Date.now()), { timeout: 8_000 });
    await expect(codeWindow.codeInput).toBeDisabled();
    await expect(codeWindow.startAgainButton).toBeFocused();
  });
});
