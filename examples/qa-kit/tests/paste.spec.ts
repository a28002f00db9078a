import { expect, test } from 'stepgate/testing';
import { attachDiagnostics } from './support/attach-diagnostics.js';
import { atCodeWindowWithWrongCode } from './support/wrong-code.js';

test.afterEach(attachDiagnostics);

for (const [name, format] of [
  ['with a space', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
  ['with a dash', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
] as const) {
  test(`a code pasted ${name} signs in`, async ({ stepgate, demoServer }) => {
    const account = await demoServer.newAccount('withCode');
    await stepgate.loginWindow.signIn(account);
    const codeWindow = await stepgate.codeWindow();
    await codeWindow.pasteCode(format(await account.authenticator.unusedCode()));
    await expect.poll(async () => (await stepgate.state()).view).toBe('signedIn');
    await expect(stepgate.signedIn.person).toContainText(account.username);
  });
}

test.describe('in Finnish', () => {
  test.use({ systemLanguages: ['fi-FI'] });

  test('a pasted wrong code is refused with the attempts left', async ({ stepgate, demoServer }) => {
    const { codeWindow, wrong } = await atCodeWindowWithWrongCode(stepgate, demoServer);
    await codeWindow.pasteCode(`${wrong.slice(0, 3)} ${wrong.slice(3)}`);
    await expect.poll(async () => {
      const state = await stepgate.state();
      return state.view === 'code' ? state.problem : null;
    }).toMatchObject({ kind: 'wrongCode', attemptsLeft: 4, reason: 'incorrect' });
  });
});
