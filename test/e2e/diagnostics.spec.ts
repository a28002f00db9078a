/**
 * "About Stepgate" and "Copy diagnostics" through the kit's page object: what IT support gets,
 * and what it never gets (the password, the code, the session kept in the keychain).
 */
import { fi } from '../../shared/messages/fi.js';
import { en } from '../../shared/messages/en.js';
import { loadKeytar } from '../../electron/keychain/keytar-store.js';
import { currentCode, enrolledAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { expectSignedIn } from './support/steps.js';

test('copies diagnostics that name the server and where it came from, and never the password, the code or the kept session', async ({ server, launch }, testInfo) => {
  const keytar = await loadKeytar();
  if (keytar === null) throw new Error('the keychain module did not load');
  const keychainService = `StepgateDiagnostics-${process.pid}-${testInfo.testId}`;
  try {
    const account = await enrolledAccount(server);
    const app = await launch({ keychainService });
    await app.loginWindow.signIn(account, { keepSignedIn: true });
    const code = currentCode(server, account.secret);
    await (await app.codeWindow()).enterCode(code);
    await expectSignedIn(app, account);
    const kept = (await keytar.findCredentials(keychainService)).find((entry) => entry.account.startsWith('session@'));
    expect(kept?.password, 'the session kept in the keychain').toMatch(/.{16,}/);

    const text = await app.about.copyDiagnostics();
    await expect(app.about.copyButton).toBeFocused();
    const origin = app.kind === 'preview' ? en.diagnostics.origin.userSettings : en.diagnostics.origin.developmentSwitch;
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        en.diagnostics.title,
        `Server: ${server.url}`,
        `Server address from: ${origin}`,
        `Server certificate: ${en.diagnostics.notTls}`,
        `Clock: ${en.diagnostics.clockInStep}`,
        `Keychain: ${en.diagnostics.keychainAvailable}`,
      ]),
    );
    // What the About view lists is what was copied.
    await expect(app.about.diagnostics.getByRole('definition').filter({ hasText: server.url })).toHaveCount(1);
    for (const secret of [kept?.password ?? '', account.password, code, ...account.recoveryCodes]) expect(text).not.toContain(secret);
    await testInfo.attach('diagnostics', { body: text });

    await app.about.close();
    await expect(app.about.openButton).toBeFocused();
  } finally {
    for (const entry of await keytar.findCredentials(keychainService)) await keytar.deletePassword(keychainService, entry.account);
  }
});

test('before a server is chosen, on a computer without a keychain, in Finnish', async ({ launch }) => {
  const app = await launch({ serverUrl: null, keychain: false, language: 'fi' });
  await expect(app.serverAddress.heading).toBeVisible();
  const text = await app.about.copyDiagnostics();
  expect(text.split('\n')).toEqual(
    expect.arrayContaining([fi.diagnostics.title, `Palvelin: ${fi.diagnostics.noServer}`, `Avainnippu: ${fi.diagnostics.keychainMissing}`]),
  );
  expect(text).not.toContain('Välityspalvelin:');
  await expect(app.page.getByRole('status').filter({ hasText: fi.diagnostics.copied })).toHaveCount(1);
});
