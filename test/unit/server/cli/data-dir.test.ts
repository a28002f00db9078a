import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../server/cli/data-dir.js';

describe('default data folder', () => {
  it('follows each platform’s convention', () => {
    expect(defaultDataDir({}, 'linux', '/home/jo')).toBe('/home/jo/.local/share/stepgate-server');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/jo')).toBe('/data/stepgate-server');
    expect(defaultDataDir({}, 'darwin', '/Users/jo')).toBe('/Users/jo/Library/Application Support/Stepgate Server');
    expect(defaultDataDir({ LOCALAPPDATA: 'C:/Users/jo/AppData/Local' }, 'win32', 'C:/Users/jo')).toMatch(/Local.Stepgate Server$/);
  });
});
