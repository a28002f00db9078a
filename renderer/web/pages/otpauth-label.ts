/**
 * How an authenticator app will list the account, read from the otpauth URI the QR code holds
 * (otpauth://totp/Issuer:account?secret=…&issuer=Issuer), so the page's words, the manual-key
 * panel and the QR code name the account the same way.
 */
export interface AppAccount {
  readonly issuer: string | null;
  readonly account: string;
  /** "Stepgate (gina)", as most apps show issuer and account. */
  readonly label: string;
}

export function appAccount(otpauthUri: string): AppAccount | null {
  let url: URL;
  try {
    url = new URL(otpauthUri);
  } catch {
    return null;
  }
  if (url.protocol !== 'otpauth:') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  } catch {
    return null;
  }
  const colon = path.indexOf(':');
  const prefix = colon < 0 ? null : path.slice(0, colon).trim();
  const account = (colon < 0 ? path : path.slice(colon + 1)).trim();
  const issuer = url.searchParams.get('issuer')?.trim() || prefix || null;
  if (account === '') return null;
  return { issuer, account, label: issuer === null ? account : `${issuer} (${account})` };
}
