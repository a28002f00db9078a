/**
 * Switches for development and end-to-end runs: another server (--server URL, --server=URL or
 * STEPGATE_SERVER), another profile folder (STEPGATE_USER_DATA), other keychain entries
 * (STEPGATE_KEYCHAIN_SERVICE) and a policy file read instead of the platform's policy
 * (STEPGATE_POLICY_FILE, a policy.json). An installed release ignores them, so nobody can point a
 * managed installation elsewhere or lift its policy from a shortcut; an end-to-end build opts in when it is built.
 */
type Env = Readonly<Record<string, string | undefined>>;

export interface DevSwitches {
  readonly serverOverride: string | undefined;
  readonly userDataDir: string | undefined;
  readonly keychainService: string | undefined;
  readonly policyFile: string | undefined;
}

export interface DevSwitchInput {
  /** Electron's app.isPackaged: true for an installed app. */
  readonly isPackaged: boolean;
  /** Set at build time by `npm run dist -- --e2e`. */
  readonly e2eBuild: boolean;
  readonly argv: readonly string[];
  readonly env: Env;
}

const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

function serverArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--server') return argv[i + 1];
    if (arg?.startsWith('--server=')) return arg.slice('--server='.length);
  }
  return undefined;
}

/** The switches in force, and the names of those present but ignored (for the log). */
export function developmentSwitches(input: DevSwitchInput): { readonly switches: DevSwitches; readonly ignored: readonly string[] } {
  const given: DevSwitches = {
    serverOverride: serverArgument(input.argv) ?? nonEmpty(input.env['STEPGATE_SERVER']),
    userDataDir: nonEmpty(input.env['STEPGATE_USER_DATA']),
    keychainService: nonEmpty(input.env['STEPGATE_KEYCHAIN_SERVICE']),
    policyFile: nonEmpty(input.env['STEPGATE_POLICY_FILE']),
  };
  if (!input.isPackaged || input.e2eBuild) return { switches: given, ignored: [] };
  const ignored = [
    ...(serverArgument(input.argv) === undefined ? [] : ['--server']),
    ...['STEPGATE_SERVER', 'STEPGATE_USER_DATA', 'STEPGATE_KEYCHAIN_SERVICE', 'STEPGATE_POLICY_FILE'].filter((name) => nonEmpty(input.env[name]) !== undefined),
  ];
  return { switches: { serverOverride: undefined, userDataDir: undefined, keychainService: undefined, policyFile: undefined }, ignored };
}
