/**
 * The browser's side of a hand-off the app opened, through the real server's API as the hand-off page
 * makes those calls (cookie, CSRF token): where it lands, what the session it gives may do, and that
 * the same address works only once.
 */
import { browser } from '../../support/browser-cookies.js';
import type { TestServer } from '../../support/test-server.js';

/** The hand-off page with a one-time code in the fragment, and nothing else. */
export const handoffAddress = (origin: string): RegExp => new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/handoff#sgh_[A-Za-z0-9_-]{40,}$`);

export interface SpentHandoff {
  readonly next: unknown;
  /** GET /me with the browser's new session. */
  readonly me: number;
  /** POST /me/authenticators with it. */
  readonly addAuthenticator: number;
  /** The same code in another browser. */
  readonly again: number;
}

export async function spendHandoff(server: TestServer, address: string): Promise<SpentHandoff> {
  const code = new URL(address).hash.slice(1);
  const first = browser(server.url);
  await first.start();
  const redeemed = await first.api('POST', '/auth/handoff/redeem', { code });
  const me = (await first.api('GET', '/me')).status;
  const addAuthenticator = (await first.api('POST', '/me/authenticators', { name: 'Browser phone' })).status;
  const second = browser(server.url);
  await second.start();
  const again = (await second.api('POST', '/auth/handoff/redeem', { code })).status;
  return { next: redeemed.body?.['next'], me, addAuthenticator, again };
}
