import type { ServerConfig } from './config.js';
import type { Clock } from './clock.js';
import { hashSecret } from './crypto/passwords.js';
import { randomToken } from './crypto/tokens.js';
import type { Store } from './store/store.js';

/** Everything a service needs, built once per server. */
export interface Context {
  readonly config: ServerConfig;
  readonly clock: Clock;
  /** Where the data lives; every change is a unit of work through `store.write` (see store/store.ts). */
  readonly store: Store;
  /** AES-256 key for TOTP secrets. */
  readonly key: Buffer;
  /** Where the browser pages are reached (known once the server listens). */
  readonly origin: () => string;
  /** A hash of nothing in particular, verified for unknown users so they take as long as known ones. */
  readonly dummyPasswordHash: Promise<string>;
}

export function createContext(config: ServerConfig, clock: Clock, store: Store, key: Buffer, origin: () => string): Context {
  const dummyPasswordHash = hashSecret(randomToken('dummy'), config.argon2);
  // Settled here too, so an early failure is not an unhandled rejection; whoever awaits it still sees it.
  dummyPasswordHash.catch(() => undefined);
  return { config, clock, store, key, origin, dummyPasswordHash };
}
