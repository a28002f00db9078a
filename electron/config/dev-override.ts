/** The server address a developer or an end-to-end run passes: `--server URL`, `--server=URL` or STEPGATE_SERVER. */
export function serverOverride(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--server') return argv[i + 1];
    if (arg?.startsWith('--server=')) return arg.slice('--server='.length);
  }
  const fromEnv = env['STEPGATE_SERVER'];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
