import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../../electron/config/policy-read.js';
import { parseRegQuery, readRegistryPolicy, regExePath } from '../../../../electron/config/windows-registry.js';
import {
  ACCESS_DENIED,
  exited,
  HKLM_KEY,
  listing,
  NOT_FOUND,
  NOT_FOUND_GERMAN,
  OEMCP_850,
  policyValues,
  recordedReg,
  REG,
  SYSTEM_ROOT,
  TOOLS_DISABLED,
} from './reg-recordings.js';

const read = (answers: Readonly<Record<string, CommandResult>>, systemRoot: string | undefined = SYSTEM_ROOT) => {
  const reg = recordedReg(answers);
  return { result: readRegistryPolicy({ run: reg.run, systemRoot }, HKLM_KEY), calls: reg.calls };
};

describe('parseRegQuery', () => {
  it('reads strings, multi-strings and DWORDs, and lists subkeys', () => {
    const output = [
      '',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate\\Stepgate',
      '    ServerUrl    REG_SZ    https://id.example.com',
      '    AllowKeepSignedIn    REG_DWORD    0x0',
      '    ExternalOrigins    REG_MULTI_SZ    https://a.example.com\\0https://b.example.com',
      '    Note With Spaces    REG_EXPAND_SZ    %USERPROFILE%\\x',
      '    Empty    REG_SZ',
      '    Blob    REG_BINARY    00FF',
      '',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate\\Stepgate\\Sub',
      '',
    ].join('\r\n');
    expect(parseRegQuery(output)).toEqual({
      values: {
        ServerUrl: { type: 'REG_SZ', data: 'https://id.example.com' },
        AllowKeepSignedIn: { type: 'REG_DWORD', data: 0 },
        ExternalOrigins: { type: 'REG_MULTI_SZ', data: ['https://a.example.com', 'https://b.example.com'] },
        'Note With Spaces': { type: 'REG_EXPAND_SZ', data: '%USERPROFILE%\\x' },
        Empty: { type: 'REG_SZ', data: '' },
      },
      subkeys: ['HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate\\Stepgate', 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate\\Stepgate\\Sub'],
    });
  });
});

describe('regExePath', () => {
  it('names reg.exe under %SystemRoot%, never through PATH', () => {
    expect(regExePath('C:\\Windows')).toEqual({ ok: true, path: REG });
    expect(regExePath('D:\\WINNT\\')).toEqual({ ok: true, path: 'D:\\WINNT\\System32\\reg.exe' });
    expect(regExePath(undefined).ok).toBe(false);
    expect(regExePath('Windows').ok).toBe(false);
  });
});

describe('readRegistryPolicy', () => {
  it('reads the values of a policy key, by absolute path, in the 64-bit view, and maps them onto settings', async () => {
    const { result, calls } = read({
      [`query ${HKLM_KEY}`]: policyValues(
        'HKEY_LOCAL_MACHINE',
        'ServerUrl    REG_SZ    https://id.example.com',
        'AllowKeepSignedIn    REG_DWORD    0x0',
        'ExternalOrigins    REG_MULTI_SZ    https://portal.example.com',
      ),
    });
    expect(await result).toEqual({
      kind: 'found',
      raw: { serverUrl: 'https://id.example.com', allowKeepSignedIn: false, externalOrigins: ['https://portal.example.com'] },
      problems: [],
    });
    expect(calls).toEqual([[REG, 'query', HKLM_KEY, '/reg:64']]);
  });

  it('matches value names without regard to case, as the registry does', async () => {
    const { result } = read({ [`query ${HKLM_KEY}`]: policyValues('HKEY_LOCAL_MACHINE', 'serverurl    REG_SZ    https://id.example.com') });
    expect(await result).toMatchObject({ kind: 'found', raw: { serverUrl: 'https://id.example.com' } });
  });

  it('refuses a value of the wrong registry type, naming it', async () => {
    const { result } = read({ [`query ${HKLM_KEY}`]: policyValues('HKEY_LOCAL_MACHINE', 'AllowKeepSignedIn    REG_SZ    0') });
    expect(await result).toEqual({
      kind: 'found',
      raw: {},
      problems: [{ source: HKLM_KEY, key: 'allowKeepSignedIn', reason: 'is REG_SZ, but must be REG_DWORD' }],
    });
  });

  it('decodes output in the OEM code page, not as UTF-8', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: policyValues('HKEY_LOCAL_MACHINE', 'ServerUrl    REG_SZ    https://anmeldung.müller.example'),
      'query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP': OEMCP_850,
    });
    expect(await result).toMatchObject({ kind: 'found', raw: { serverUrl: 'https://anmeldung.müller.example' } });
  });

  it('is unreadable when the output is not ASCII and the code page cannot be read', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: policyValues('HKEY_LOCAL_MACHINE', 'ServerUrl    REG_SZ    https://müller.example'),
      'query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP': ACCESS_DENIED,
    });
    expect(await result).toEqual({ kind: 'unreadable', cause: 'reg.exe printed non-ASCII text and the OEM code page could not be read' });
  });

  it('is absent when the key is missing: its parent lists no such subkey', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: NOT_FOUND,
      'query HKLM\\Software\\Policies\\Stepgate': NOT_FOUND,
      'query HKLM\\Software\\Policies': listing('HKEY_LOCAL_MACHINE\\Software\\Policies', 'Google', 'Microsoft'),
    });
    expect(await result).toEqual({ kind: 'absent' });
  });

  it('is absent when only the vendor key exists, although vendor and app share the name', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: NOT_FOUND,
      'query HKLM\\Software\\Policies\\Stepgate': listing('HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate', 'Other'),
    });
    expect(await result).toEqual({ kind: 'absent' });
  });

  it('tells "not found" apart in any language, by the parent, not by the message', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: NOT_FOUND_GERMAN,
      'query HKLM\\Software\\Policies\\Stepgate': NOT_FOUND_GERMAN,
      'query HKLM\\Software\\Policies': listing('HKEY_LOCAL_MACHINE\\Software\\Policies', 'Microsoft'),
      'query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP': OEMCP_850,
    });
    expect(await result).toEqual({ kind: 'absent' });
  });

  it('is unreadable when the key exists but reg.exe may not read it (access denied)', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: ACCESS_DENIED,
      'query HKLM\\Software\\Policies\\Stepgate': listing('HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate', 'STEPGATE'),
    });
    expect(await result).toEqual({ kind: 'unreadable', cause: 'reg.exe could not read it (ERROR: Access is denied.)' });
  });

  it('is unreadable when registry tools are disabled by policy: nothing can be listed, not even the hive', async () => {
    const { result } = read({
      [`query ${HKLM_KEY}`]: TOOLS_DISABLED,
      'query HKLM\\Software\\Policies\\Stepgate': TOOLS_DISABLED,
      'query HKLM\\Software\\Policies': TOOLS_DISABLED,
      'query HKLM\\Software': TOOLS_DISABLED,
      'query HKLM': TOOLS_DISABLED,
    });
    expect(await result).toEqual({
      kind: 'unreadable',
      cause: 'reg.exe could not read it (ERROR: Registry editing has been disabled by your administrator.), and reg.exe cannot list HKLM',
    });
  });

  it('is unreadable when reg.exe cannot be started (AppLocker, missing) or times out', async () => {
    const blocked = read({ [`query ${HKLM_KEY}`]: { kind: 'failed', cause: `${REG} could not be started (EACCES)` } });
    expect(await blocked.result).toEqual({ kind: 'unreadable', cause: `reg.exe could not run: ${REG} could not be started (EACCES)` });
    const hung = read({ [`query ${HKLM_KEY}`]: { kind: 'failed', cause: `${REG} did not finish within 10 seconds` } });
    expect(await hung.result).toEqual({ kind: 'unreadable', cause: `reg.exe could not run: ${REG} did not finish within 10 seconds` });
  });

  it('is unreadable for any exit code but 0 and 1', async () => {
    const { result } = read({ [`query ${HKLM_KEY}`]: exited(5, '', 'something odd\r\n') });
    expect(await result).toEqual({ kind: 'unreadable', cause: 'reg.exe exited with code 5 (something odd)' });
  });

  it('is unreadable without %SystemRoot%, and runs nothing', async () => {
    const { result, calls } = read({}, '');
    expect(await result).toMatchObject({ kind: 'unreadable' });
    expect(calls).toEqual([]);
  });
});

describe('recordings', () => {
  it('are in code page 850, where ü is one byte that is not valid UTF-8', () => {
    const bytes = NOT_FOUND_GERMAN.kind === 'exited' ? NOT_FOUND_GERMAN.stderr : new Uint8Array();
    expect(bytes.includes(0x81)).toBe(true);
    expect(iconv.decode(Buffer.from(bytes), 'cp850')).toContain('Registrierungsschlüssel');
  });
});
