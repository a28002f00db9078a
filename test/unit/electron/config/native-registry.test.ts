/**
 * Decoding registry data with native-reg's own parsers (plain JavaScript, so they run here); the
 * registry API itself is exercised against Wine's registry by test/windows/ (npm run test:windows).
 */
import * as registry from 'native-reg';
import { describe, expect, it } from 'vitest';
import { nativeRegistry, registryValue } from '../../../../electron/config/native-registry.js';

const raw = (type: registry.ValueType, data: Buffer) => Object.assign(Buffer.from(data), { type });

describe('registryValue', () => {
  it('decodes strings, multi-strings and DWORDs as the registry stores them (UTF-16, little-endian)', () => {
    expect(registryValue(registry, raw(registry.ValueType.SZ, registry.formatString('https://anmeldung.müller.example')))).toEqual({ type: 'REG_SZ', data: 'https://anmeldung.müller.example' });
    expect(registryValue(registry, raw(registry.ValueType.EXPAND_SZ, registry.formatString('%USERPROFILE%\\x')))).toEqual({ type: 'REG_EXPAND_SZ', data: '%USERPROFILE%\\x' });
    expect(registryValue(registry, raw(registry.ValueType.MULTI_SZ, registry.formatMultiString(['https://a.example', 'https://b.example'])))).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['https://a.example', 'https://b.example'],
    });
    expect(registryValue(registry, raw(registry.ValueType.DWORD, registry.formatDWORD(30)))).toEqual({ type: 'REG_DWORD', data: 30 });
  });

  it('keeps only the name of a type no setting takes, and of a DWORD that is not four bytes', () => {
    expect(registryValue(registry, raw(registry.ValueType.BINARY, Buffer.from([1, 2])))).toEqual({ type: 'REG_BINARY', data: null });
    expect(registryValue(registry, raw(registry.ValueType.QWORD, registry.formatQWORD(1)))).toEqual({ type: 'REG_QWORD', data: null });
    expect(registryValue(registry, raw(registry.ValueType.DWORD, Buffer.from([1, 0])))).toEqual({ type: 'REG_DWORD (damaged)', data: null });
  });
});

describe('nativeRegistry', () => {
  it('makes every key unreadable, naming the loader’s error, when the module cannot be loaded', () => {
    let loads = 0;
    const read = nativeRegistry(() => {
      loads++;
      throw new Error('\\\\?\\C:\\Program Files\\Stepgate\\resources\\app.asar.unpacked\\node_modules\\native-reg\\prebuilds\\win32-x64\\node.napi.node is not a valid Win32 application.');
    });
    const result = read('HKLM', 'Software\\Policies\\Stepgate\\Stepgate');
    expect(result).toEqual({ kind: 'unreadable', cause: expect.stringMatching(/^the registry module could not be loaded \(.*node\.napi\.node is not a valid Win32 application\.\)$/) });
    expect(read('HKCU', 'Software\\Policies\\Stepgate\\Stepgate')).toEqual(result);
    expect(loads).toBe(1);
  });
});
