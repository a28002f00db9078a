import type { CodeWindow, DemoAccountWithCode, DemoServer, StepgateApp } from 'stepgate/testing';

/** A fresh account signed in as far as the code window, and a code that is certainly wrong for it now. */
export async function atCodeWindowWithWrongCode(
  stepgate: StepgateApp,
  demoServer: DemoServer,
): Promise<{ readonly account: DemoAccountWithCode; readonly codeWindow: CodeWindow; readonly wrong: string }> {
  const account = await demoServer.newAccount('withCode');
  await stepgate.loginWindow.signIn(account);
  const codeWindow = await stepgate.codeWindow();
  const right = await account.authenticator.unusedCode();
  return { account, codeWindow, wrong: right === '000000' ? '111111' : '000000' };
}
