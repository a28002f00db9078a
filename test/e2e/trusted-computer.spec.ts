/**
 * "Don't ask for a code on this computer" end to end: the real server with the environment's most
 * days set, the real flow, and the real keychain (gnome-keyring in run-e2e.sh's D-Bus session),
 * looked into from here under the launch's own keychain service. Launches within one test share
 * that service, so a second launch is the same computer after a restart.
 */
import { hostname } from 'node:os';
import { trustedComputerName } from '../../electron/signin/trusted-computer.js';
import { snap } from '../support/gallery.js';
import type { TestServer } from '../support/test-server.js';
import { currentCode, enrolledAccount, type EnrolledAccount } from './support/accounts.js';
import { expect, test, type Launch } from './support/fixtures.js';
import { expectSignedIn } from './support/steps.js';
import { keptToken, revokeTrustedComputers, trustedComputersOf } from './support/trusted.js';

const SERVER_DAYS = 30;

/** Signs in with the password and a code, ticking "Don't ask for a code on this computer"; resolves when signed in. */
async function signInTrusting(app: Awaited<ReturnType<Launch>>, server: TestServer, account: EnrolledAccount, days: number): Promise<void> {
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await expect(codeWindow.trustThisComputer).toHaveAccessibleName(app.t.code.trustComputer(days));
  await expect(codeWindow.trustThisComputer).not.toBeChecked();
  await codeWindow.enterCode(currentCode(server, account.secret), { trustThisComputer: true });
  await expectSignedIn(app, account);
  // The next sign-in uses the next time step's code, should it be asked for one.
  server.clock.advance(30_000);
}

/** Signs in with the password; resolves with the code window, which must ask for a code and not offer trust when `offered` is false. */
async function expectCodeAsked(app: Awaited<ReturnType<Launch>>, account: EnrolledAccount, offered: boolean) {
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  // The full view, not code.html's first frame (which has no checkbox yet).
  await expect(codeWindow.cancelButton).toBeVisible();
  await expect(codeWindow.trustThisComputer).toHaveCount(offered ? 1 : 0);
  return codeWindow;
}

test.beforeEach(async ({ server }) => {
  await server.setEnvironment({ trustedComputerDays: SERVER_DAYS });
});

test('a trusted computer signs in with the password alone after a restart, and says so', async ({ server, launch, t }, testInfo) => {
  const keychainService = `StepgateTrusted-${testInfo.testId}`;
  const account = await enrolledAccount(server);
  const app = await launch({ keychainService });
  await signInTrusting(app, server, account, SERVER_DAYS);
  const [computer] = await trustedComputersOf(server, account);
  expect(computer?.name).toBe(trustedComputerName(process.platform, hostname()));
  const until = Date.parse(computer?.expiresAt ?? '');
  await expect(app.signedIn.region.getByText(t.signedIn.trustedNow(until))).toBeVisible();
  await expect(app.page.locator('[data-announcer]')).toContainText(t.signedIn.trustedNow(until));
  expect(await keptToken(keychainService, server, account)).toMatch(/^tc_/);
  await snap(app.page, 'desktop', 'Signed in: this computer now trusted');

  await app.signedIn.signOut();
  await app.restart();
  await app.loginWindow.signIn(account);
  await expectSignedIn(app, account);
  await expect(app.signedIn.region.getByText(t.signedIn.codeSkipped(until))).toBeVisible();
  await expect(app.page.locator('[data-announcer]')).toContainText(t.signedIn.codeSkipped(until));
  await snap(app.page, 'desktop', 'Signed in: no code asked on a trusted computer');
});

test('a revoked trust asks for a code again, and its token leaves the keychain', async ({ server, launch }, testInfo) => {
  const keychainService = `StepgateTrusted-${testInfo.testId}`;
  const account = await enrolledAccount(server);
  const app = await launch({ keychainService });
  await signInTrusting(app, server, account, SERVER_DAYS);
  await app.signedIn.signOut();
  await revokeTrustedComputers(server, account);

  await expectCodeAsked(app, account, true);
  await expect.poll(() => keptToken(keychainService, server, account)).toBeNull();
});

test('policy AllowTrustedComputer = 0: not offered, and a token kept earlier is deleted and never sent', async ({ server, launch }, testInfo) => {
  const keychainService = `StepgateTrusted-${testInfo.testId}`;
  const account = await enrolledAccount(server);
  const before = await launch({ keychainService });
  await signInTrusting(before, server, account, SERVER_DAYS);
  await before.close();
  expect(await keptToken(keychainService, server, account)).not.toBeNull();

  const app = await launch({ keychainService, policy: { allowTrustedComputer: false } });
  await expect.poll(() => keptToken(keychainService, server, account)).toBeNull();
  // The server trusts this computer still: only a token never sent explains the code window.
  expect(await trustedComputersOf(server, account)).toHaveLength(1);
  await expectCodeAsked(app, account, false);
});

test('policy TrustedComputerDays caps the days offered and granted', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch({ policy: { trustedComputerDays: 7 } });
  const trustedAt = server.clock.now();
  await signInTrusting(app, server, account, 7);
  const [computer] = await trustedComputersOf(server, account);
  expect(Date.parse(computer?.expiresAt ?? '') - trustedAt).toBe(7 * 86_400_000);
});

test('not offered while the server has trusted computers off (0 days)', async ({ server, launch }) => {
  await server.setEnvironment({ trustedComputerDays: 0 });
  const account = await enrolledAccount(server);
  const app = await launch();
  await expectCodeAsked(app, account, false);
});
