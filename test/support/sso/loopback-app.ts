/**
 * What the desktop app does on its side of RFC 8252, for the tests: a loopback listener on
 * 127.0.0.1 with a port chosen at that moment, its own `state`, and a PKCE verifier and S256
 * challenge. The browser lands on it at the end of an SSO sign-in; it answers "you can close this tab".
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackApp {
  readonly redirectUri: string;
  readonly state: string;
  readonly codeVerifier: string;
  readonly codeChallenge: string;
  /** The query the browser arrived with (code and state, or error, reason and state). */
  readonly arrival: Promise<URLSearchParams>;
  /** The start URL's query for this app. */
  startQuery(): string;
  close(): Promise<void>;
}

export const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export async function startLoopbackApp(path = '/sso-callback'): Promise<LoopbackApp> {
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(24).toString('base64url');
  let arrived: (query: URLSearchParams) => void = () => undefined;
  const arrival = new Promise<URLSearchParams>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Stepgate</title><p>You can close this tab and return to Stepgate.</p>');
    arrived(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  const codeChallenge = s256(codeVerifier);
  return {
    redirectUri,
    state,
    codeVerifier,
    codeChallenge,
    arrival,
    startQuery: () => new URLSearchParams({ redirect_uri: redirectUri, state, code_challenge: codeChallenge, code_challenge_method: 'S256' }).toString(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
