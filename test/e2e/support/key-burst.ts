/**
 * Keys sent the way a fast typist or a password manager sends them: every key event of the burst
 * dispatched at once through the DevTools protocol, none waiting for the page to handle the one
 * before, so they queue in the renderer and meet whatever state the page is in.
 */
import type { CDPSession } from '@playwright/test';

type Key = { readonly key: string; readonly code: string; readonly keyCode: number; readonly text?: string };

const ARROWS: Readonly<Record<string, Key>> = {
  ArrowLeft: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  ArrowRight: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  Backspace: { key: 'Backspace', code: 'Backspace', keyCode: 8 },
};

function keyOf(name: string): Key {
  const named = ARROWS[name];
  if (named !== undefined) return named;
  if (!/^[0-9]$/.test(name)) throw new Error(`no key "${name}" in a burst`);
  return { key: name, code: `Digit${name}`, keyCode: name.charCodeAt(0), text: name };
}

/** `keys`: digits and key names, e.g. ['1', '2', 'ArrowLeft', '3']. Resolves when every event has been delivered. */
export async function burstKeys(cdp: CDPSession, keys: readonly string[]): Promise<void> {
  const sent: Promise<unknown>[] = [];
  for (const name of keys) {
    const key = keyOf(name);
    const common = { key: key.key, code: key.code, windowsVirtualKeyCode: key.keyCode, nativeVirtualKeyCode: key.keyCode };
    sent.push(cdp.send('Input.dispatchKeyEvent', key.text === undefined ? { type: 'rawKeyDown', ...common } : { type: 'keyDown', text: key.text, ...common }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }));
  }
  await Promise.all(sent);
}
