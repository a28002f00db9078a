import { mkdirSync, statSync } from 'node:fs';

/**
 * The data folder holds the database and the encryption key. A new one is made for its owner alone
 * (700); an existing one that others may read or enter is refused with its mode and the fix, as ssh
 * refuses a loose ~/.ssh, rather than quietly changed or used.
 */
export function ensurePrivateFolder(dir: string, platform: NodeJS.Platform = process.platform): void {
  let info = statSync(dir, { throwIfNoEntry: false });
  if (info === undefined) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    info = statSync(dir);
  }
  if (!info.isDirectory()) throw new Error(`The data folder ${dir} is not a folder.`);
  // Windows has no mode bits to speak of: its folders inherit the owner's profile permissions.
  if (platform === 'win32') return;
  const mode = info.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`The data folder ${dir} can be read or entered by other users (mode ${mode.toString(8)}); run: chmod 700 ${dir}`);
  }
}
