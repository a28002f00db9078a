/**
 * `npm run dist -- [--e2e] [electron-builder's own arguments]`: --e2e is ours (a build Playwright
 * can drive); everything else goes to electron-builder as on its command line (--win, --mac,
 * --linux with targets, --x64, --arm64, --dir, -c.key=value, ...). The configuration itself is
 * always build/electron-builder.config.ts, so a --config file name is refused, and so are 32-bit
 * builds (--ia32, --armv7l, or a target:ia32): Electron publishes none since 44.
 */
import { configureBuildCommand, createYargs, type CliOptions } from 'electron-builder/out/builder.js';

export interface DistArgs {
  readonly e2e: boolean;
  readonly builder: CliOptions;
  /** Dotted -c.key=value overrides, merged over the configuration. */
  readonly overrides: Readonly<Record<string, unknown>>;
}

export function parseDistArgs(argv: readonly string[]): DistArgs {
  const e2e = argv.includes('--e2e');
  const others = argv.filter((arg) => arg !== '--e2e');
  const parsed = configureBuildCommand(createYargs()).strict().exitProcess(false).fail((message: string, error: Error | undefined) => {
    throw error ?? new Error(message);
  }).parseSync(others) as CliOptions;
  const { config, ...rest } = parsed;
  // `_` and `$0` are yargs' own (strict mode has refused any stray word); `c` is the alias of `config`.
  const builder = Object.fromEntries(Object.entries(rest).filter(([key]) => !['_', '$0', 'c'].includes(key))) as CliOptions;
  if (typeof config === 'string') throw new Error('the configuration is build/electron-builder.config.ts; pass changes as -c.key=value');
  const targets = (['win', 'mac', 'linux'] as const).flatMap((platform) => builder[platform] ?? []);
  const thirtyTwoBit = [...(['ia32', 'armv7l'] as const).filter((arch) => builder[arch] === true).map((arch) => `--${arch}`), ...targets.filter((t) => /:(ia32|armv7l)$/.test(t))];
  if (thirtyTwoBit.length > 0) throw new Error(`Electron publishes no 32-bit builds since version 44 (${thirtyTwoBit.join(', ')}): build for x64 or arm64`);
  return { e2e, builder, overrides: typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {} };
}

/** Which platforms a run builds, as electron-builder decides: the named ones, else this machine's. */
export function platformsOf(builder: CliOptions, host: NodeJS.Platform): readonly ('win' | 'mac' | 'linux')[] {
  const named = (['win', 'mac', 'linux'] as const).filter((platform) => builder[platform] !== undefined);
  if (named.length > 0) return named;
  return [host === 'win32' ? 'win' : host === 'darwin' ? 'mac' : 'linux'];
}

export type Tree = Readonly<Record<string, unknown>>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** -c.key=value overrides over the configuration, object by object. */
export function mergeConfig(base: Tree, overrides: Tree): Tree {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = isTree(current) && isTree(value) ? mergeConfig(current, value) : value;
  }
  return merged;
}
