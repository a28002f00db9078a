import { describe, expect, it } from 'vitest';
import { isTrustedArgumentlessCall, isTrustedSender, type IpcSender } from '../../../../electron/ipc/trusted-sender.js';

const ours = (id: number) => id === 1 || id === 2;
const event = (url: string, id = 1, parent: unknown = null): IpcSender => ({ senderFrame: { parent, url }, sender: { id } });

describe('isTrustedSender', () => {
  it('accepts the top frame of an app window showing an app page', () => {
    expect(isTrustedSender(event('app://stepgate/index.html?window=login'), ours)).toBe(true);
    expect(isTrustedSender(event('app://stepgate/code.html', 2), ours)).toBe(true);
  });

  it.each([
    ['a subframe', event('app://stepgate/index.html', 1, {})],
    ['another site in an app window', event('https://evil.example/')],
    ['a file page', event('file:///tmp/x.html')],
    ['a window that is not the app’s', event('app://stepgate/index.html', 7)],
    ['a destroyed frame', { senderFrame: null, sender: { id: 1 } }],
  ])('refuses %s', (_, sender) => {
    expect(isTrustedSender(sender, ours)).toBe(false);
  });
});

describe('isTrustedArgumentlessCall', () => {
  const app = event('app://stepgate/index.html?window=login');

  it('accepts the app page asking for the diagnostics without arguments', () => {
    expect(isTrustedArgumentlessCall(app, [], ours)).toBe(true);
  });

  it('refuses any argument, and any sender the other channels refuse', () => {
    expect(isTrustedArgumentlessCall(app, [{ server: 'https://attacker.example' }], ours)).toBe(false);
    expect(isTrustedArgumentlessCall(app, [undefined], ours)).toBe(false);
    expect(isTrustedArgumentlessCall(event('https://evil.example/'), [], ours)).toBe(false);
    expect(isTrustedArgumentlessCall(event('app://stepgate/index.html', 1, {}), [], ours)).toBe(false);
  });
});
