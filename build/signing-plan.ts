/**
 * Code signing and notarisation come from the environment variables electron-builder reads; this
 * says, before packaging starts, what will be signed and what is skipped because a variable is
 * missing. Nothing secret is printed, only which variables are set.
 */
type Env = Readonly<Record<string, string | undefined>>;

const has = (env: Env, ...names: string[]) => names.every((name) => (env[name] ?? '') !== '');

export type NotarisationCredentials = 'apiKey' | 'appleId' | 'keychainProfile' | null;

/** Which of the three ways electron-builder notarises is set up, if any. */
export function notarisationCredentials(env: Env): NotarisationCredentials {
  if (has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER')) return 'apiKey';
  if (has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID')) return 'appleId';
  if (has(env, 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE')) return 'keychainProfile';
  return null;
}

/** One line per platform being built, for the packaging log. */
export function signingPlan(env: Env, platforms: readonly ('win' | 'mac' | 'linux')[]): readonly string[] {
  const lines: string[] = [];
  if (platforms.includes('win')) {
    lines.push(
      has(env, 'WIN_CSC_LINK') ? 'Windows: signing with the certificate in WIN_CSC_LINK'
      : has(env, 'CSC_LINK') ? 'Windows: signing with the certificate in CSC_LINK'
      : 'Windows: not signed (set WIN_CSC_LINK or CSC_LINK, and WIN_CSC_KEY_PASSWORD or CSC_KEY_PASSWORD, to sign)',
    );
  }
  if (platforms.includes('mac')) {
    lines.push(
      has(env, 'CSC_LINK') ? 'macOS: signing with the certificate in CSC_LINK'
      : has(env, 'CSC_NAME') ? 'macOS: signing with the keychain identity named in CSC_NAME'
      : env['CSC_IDENTITY_AUTO_DISCOVERY'] === 'false' ? 'macOS: not signed (CSC_IDENTITY_AUTO_DISCOVERY=false)'
      : 'macOS: signing with a Developer ID identity from the keychain if there is one (set CSC_LINK or CSC_NAME to choose)',
    );
    const notarisation = notarisationCredentials(env);
    lines.push(
      notarisation === 'apiKey' ? 'macOS: notarising with the App Store Connect API key (APPLE_API_KEY)'
      : notarisation === 'appleId' ? 'macOS: notarising with the Apple ID in APPLE_ID'
      : notarisation === 'keychainProfile' ? 'macOS: notarising with the keychain profile in APPLE_KEYCHAIN_PROFILE'
      : 'macOS: not notarised (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER to notarise)',
    );
  }
  if (platforms.includes('linux')) lines.push('Linux: packages are not signed; sign the repository that serves them');
  return lines;
}
