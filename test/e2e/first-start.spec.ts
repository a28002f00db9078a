import { en } from '../../shared/messages/en.js';
import { plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { expectSignedIn } from './support/steps.js';

test('asks for the server address at first start, refusing plain http off this computer', async ({ server, launch }) => {
  const account = await plainAccount(server);
  const app = await launch({ serverUrl: null });
  await expect(app.serverAddress.heading).toBeVisible();
  const address = app.serverAddress.address;
  await expect(address).toBeFocused();
  await address.fill('http://id.example.com');
  await app.serverAddress.continueButton.click();
  await expect(app.page.getByRole('alert')).toHaveText(en.problem({ kind: 'invalidServerAddress', reason: 'notHttps' }, Date.now()));
  await address.fill(server.url);
  await app.serverAddress.continueButton.click();
  await expect(app.page.getByText(server.url)).toBeVisible();
  await app.loginWindow.signIn(account);
  await expectSignedIn(app, account);
});
