import { createServer } from 'node:net';
import { en } from '../../shared/messages/en.js';
import { expect, test } from './support/fixtures.js';

/** A loopback address where nothing listens: bound once to get a free port, then released. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

test('says plainly when the server cannot be reached', async ({ launch }) => {
  const app = await launch({ serverUrl: await deadAddress() });
  const unreachable = en.problem({ kind: 'unreachable' }, Date.now());
  await expect(app.page.getByRole('alert')).toHaveText(unreachable);
  await app.loginWindow.username.fill('someone');
  await app.loginWindow.password.fill('a password');
  await app.loginWindow.signInButton.click();
  await expect(app.page.getByRole('alert')).toHaveText(unreachable);
  await expect(app.loginWindow.signInButton).toBeEnabled();
  await expect(app.loginWindow.password).toHaveValue('');
});
