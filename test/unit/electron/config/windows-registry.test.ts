import { describe, expect, it } from 'vitest';
import { parseRegQuery, readRegistryPolicy, registryToSettings } from '../../../../electron/config/windows-registry.js';

// Output of `reg query HKLM\Software\Policies\Stepgate\Stepgate` as Windows prints it.
const OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate\\Stepgate',
  '    ServerUrl    REG_SZ    https://id.example.com',
  '    AllowKeepSignedIn    REG_DWORD    0x0',
  '    ExternalOrigins    REG_MULTI_SZ    https://a.example.com\\0https://b.example.com',
  '    Note With Spaces    REG_EXPAND_SZ    %USERPROFILE%\\x',
  '    Empty    REG_SZ',
  '    Blob    REG_BINARY    00FF',
  '',
].join('\r\n');

describe('parseRegQuery', () => {
  it('reads strings, multi-strings and DWORDs', () => {
    expect(parseRegQuery(OUTPUT)).toEqual({
      ServerUrl: 'https://id.example.com',
      AllowKeepSignedIn: 0,
      ExternalOrigins: ['https://a.example.com', 'https://b.example.com'],
      'Note With Spaces': '%USERPROFILE%\\x',
      Empty: '',
    });
  });

  it('maps value names onto setting names', () => {
    expect(registryToSettings({ ServerUrl: 'x', AllowKeepSignedIn: 1 })).toEqual({ serverUrl: 'x', allowKeepSignedIn: 1 });
  });

  it('treats a missing key as no policy', async () => {
    expect(await readRegistryPolicy(async () => ({ code: 1, stdout: '' }), 'HKLM\\x')).toBeUndefined();
  });
});
