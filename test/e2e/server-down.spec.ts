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
  await app.page.getByLabel(en.signIn.username).fill('someone');
  await app.page.getByLabel(en.signIn.password).fill('a password');
  await app.page.getByRole('button', { name: en.signIn.submit }).click();
  await expect(app.page.getByRole('alert')).toHaveText(unreachable);
  await expect(app.page.getByRole('button', { name: en.signIn.submit })).toBeEnabled();
  await expect(app.page.getByLabel(en.signIn.password)).toHaveValue('');
});
