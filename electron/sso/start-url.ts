/** The address the system browser opens to begin a sign-in: the provider's start URL with the app's RFC 8252 parameters. */

export interface StartParameters {
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
}

/** null when the server's start URL is not an address at all. */
export function browserStartUrl(startUrl: string, parameters: StartParameters): string | null {
  let url: URL;
  try {
    url = new URL(startUrl);
  } catch {
    return null;
  }
  // All four together, as docs/sso.md asks; `set` replaces any the server's URL might already carry.
  url.searchParams.set('redirect_uri', parameters.redirectUri);
  url.searchParams.set('state', parameters.state);
  url.searchParams.set('code_challenge', parameters.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}
