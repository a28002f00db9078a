import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder each platform expects for an application's own files. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  switch (platform) {
    case 'win32':
      return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'Stepgate Server');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Stepgate Server');
    default:
      return join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'stepgate-server');
  }
}
