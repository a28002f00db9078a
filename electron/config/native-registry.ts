/**
 * The Windows registry API in-process, through native-reg (N-API, prebuilt for win32 x64, ia32 and
 * arm64 inside its npm package: nothing is compiled or downloaded). Keys are opened with
 * KEY_WOW64_64KEY, so a 32-bit build reads the view Group Policy writes, not WOW6432Node.
 *
 * The module is loaded when the first key is read, so no other platform ever loads it. If it cannot
 * be loaded, whether policy exists cannot be known, so every key is unreadable (fail closed) with
 * the loader's own error, which names the file and the reason.
 */
import { createRequire } from 'node:module';
import type * as NativeReg from 'native-reg';
import type { ReadRegistryKey, RegistryKeyRead, RegistryValue } from './windows-registry.js';

type Registry = typeof NativeReg;

// Resolved beside the bundle (node_modules/native-reg, unpacked from the asar archive in the installed app).
const require = createRequire(import.meta.url);

const HIVES = { HKLM: 'HKLM', HKCU: 'HKCU' } as const;

/** winnt.h's names (the enum's reverse mapping would give its aliases, e.g. QWORD_LITTLE_ENDIAN). */
const TYPE_NAMES: readonly string[] = ['NONE', 'SZ', 'EXPAND_SZ', 'BINARY', 'DWORD', 'DWORD_BIG_ENDIAN', 'LINK', 'MULTI_SZ', 'RESOURCE_LIST', 'FULL_RESOURCE_DESCRIPTOR', 'RESOURCE_REQUIREMENTS_LIST', 'QWORD'];

const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const { syscall, errno } = error as Error & { syscall?: unknown; errno?: unknown };
  return [typeof syscall === 'string' ? `${syscall}: ` : '', error.message, typeof errno === 'number' ? ` (Windows error ${errno})` : ''].join('');
};

/** A value in the form the settings take; a type they never take keeps only its name. */
export function registryValue(registry: Pick<Registry, 'ValueType' | 'parseValue'>, raw: NativeReg.Value): RegistryValue {
  switch (raw.type) {
    case registry.ValueType.SZ:
      return { type: 'REG_SZ', data: String(registry.parseValue(raw)) };
    case registry.ValueType.EXPAND_SZ:
      // Not expanded: policy values are used as written, as Group Policy shows them.
      return { type: 'REG_EXPAND_SZ', data: String(registry.parseValue(raw)) };
    case registry.ValueType.MULTI_SZ:
      return { type: 'REG_MULTI_SZ', data: (registry.parseValue(raw) as string[]).filter((s) => s !== '') };
    case registry.ValueType.DWORD:
      return raw.length === 4 ? { type: 'REG_DWORD', data: raw.readUInt32LE(0) } : { type: 'REG_DWORD (damaged)', data: null };
    default:
      return { type: `REG_${TYPE_NAMES[raw.type] ?? `type ${raw.type}`}`, data: null };
  }
}

function readKey(registry: Registry, hive: keyof typeof HIVES, subKey: string): RegistryKeyRead {
  let key: NativeReg.HKEY | null;
  try {
    key = registry.openKey(registry[HIVES[hive]], subKey, registry.Access.READ | registry.Access.WOW64_64KEY);
  } catch (error) {
    return { kind: 'unreadable', cause: `the key exists but could not be opened (${errorText(error)})` };
  }
  if (key === null) return { kind: 'absent' };
  try {
    const values: Record<string, RegistryValue> = {};
    for (const name of registry.enumValueNames(key)) {
      const raw = registry.queryValueRaw(key, name);
      // Deleted between listing and reading: as if it had never been there.
      if (raw !== null) values[name] = registryValue(registry, raw);
    }
    return { kind: 'read', values };
  } catch (error) {
    return { kind: 'unreadable', cause: `the key's values could not be read (${errorText(error)})` };
  } finally {
    registry.closeKey(key);
  }
}

/** `load` is native-reg's loader; a test gives one that fails, to see the app stop. */
export function nativeRegistry(load: () => Registry = () => require('native-reg') as Registry): ReadRegistryKey {
  let loaded: { readonly ok: true; readonly registry: Registry } | { readonly ok: false; readonly cause: string } | undefined;
  return (hive, subKey) => {
    if (loaded === undefined) {
      try {
        loaded = { ok: true, registry: load() };
      } catch (error) {
        loaded = { ok: false, cause: `the registry module could not be loaded (${errorText(error)})` };
      }
    }
    return loaded.ok ? readKey(loaded.registry, hive, subKey) : { kind: 'unreadable', cause: loaded.cause };
  };
}
