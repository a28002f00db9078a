import { describe, expect, it } from 'vitest';
import { readRegistryPolicy, readWindowsPolicy } from '../../../../electron/config/windows-registry.js';
import { ACCESS_DENIED, HKCU_KEY, HKLM_KEY, registryOf, values } from './registry-states.js';

const read = (state: Parameters<typeof registryOf>[0]) => readRegistryPolicy(registryOf(state).read, 'HKLM', 'Stepgate', 'Stepgate');

describe('readRegistryPolicy', () => {
  it('maps the values of a policy key onto settings', () => {
    const result = read({
      [HKLM_KEY]: values({
        ServerUrl: { type: 'REG_SZ', data: 'https://id.example.com' },
        AllowKeepSignedIn: { type: 'REG_DWORD', data: 0 },
        ExternalOrigins: { type: 'REG_MULTI_SZ', data: ['https://portal.example.com'] },
      }),
    });
    expect(result).toEqual({
      kind: 'found',
      raw: { serverUrl: 'https://id.example.com', allowKeepSignedIn: false, externalOrigins: ['https://portal.example.com'] },
      problems: [],
    });
  });

  it('matches value names without regard to case, as the registry does', () => {
    expect(read({ [HKLM_KEY]: values({ serverurl: { type: 'REG_SZ', data: 'https://id.example.com' } }) })).toMatchObject({ kind: 'found', raw: { serverUrl: 'https://id.example.com' } });
  });

  it('refuses a value of the wrong registry type, naming it, also a type no setting takes', () => {
    const result = read({ [HKLM_KEY]: values({ AllowKeepSignedIn: { type: 'REG_SZ', data: '0' }, ServerUrl: { type: 'REG_BINARY', data: null } }) });
    expect(result).toEqual({
      kind: 'found',
      raw: {},
      problems: [
        { source: HKLM_KEY, key: 'allowKeepSignedIn', reason: 'is REG_SZ, but must be REG_DWORD' },
        { source: HKLM_KEY, key: 'serverUrl', reason: 'is REG_BINARY, but must be REG_SZ or REG_EXPAND_SZ' },
      ],
    });
  });

  it('ignores the key’s unnamed default value, which is no setting', () => {
    expect(read({ [HKLM_KEY]: values({ '': { type: 'REG_SZ', data: '' } }) })).toEqual({ kind: 'found', raw: {}, problems: [] });
  });

  it('is absent when the key is not there', () => {
    expect(read({})).toEqual({ kind: 'absent' });
  });

  it('is unreadable, with the cause, when the key exists but cannot be read', () => {
    expect(read({ [HKLM_KEY]: ACCESS_DENIED })).toEqual({ kind: 'unreadable', cause: 'the key exists but could not be opened (RegOpenKeyExW: Access is denied. (Windows error 5))' });
  });
});

describe('readWindowsPolicy', () => {
  it('reads the machine key, then the user key, each named by its path', () => {
    const registry = registryOf({ [HKCU_KEY]: values({ Language: { type: 'REG_SZ', data: 'fi' } }) });
    expect(readWindowsPolicy(registry.read, 'Stepgate', 'Stepgate')).toEqual([
      { name: HKLM_KEY, read: { kind: 'absent' } },
      { name: HKCU_KEY, read: { kind: 'found', raw: { language: 'fi' }, problems: [] } },
    ]);
    expect(registry.asked).toEqual([HKLM_KEY, HKCU_KEY]);
  });
});
