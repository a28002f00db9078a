/**
 * Policy states made in Wine's registry with `reg add` (one batch file, one cmd.exe), each under its
 * own key Software\Policies\StepgateWine\<case>, so one node.exe reads them all; and what the
 * policy reader must make of each.
 */
import type { PolicyRead } from '../../electron/config/policy-read.js';

export const VENDOR = 'StepgateWine';

type Hive = 'HKLM' | 'HKCU';

interface Value {
  readonly hive: Hive;
  readonly name?: string;
  readonly type?: 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_BINARY';
  /** As `reg add /d` takes it: REG_MULTI_SZ strings separated by \0. */
  readonly data?: string;
  /** The registry view written: 64 unless said. */
  readonly view?: 32 | 64;
}

export interface PolicyState {
  readonly values: readonly Value[];
  /** What reading HKLM, then HKCU, must come to. */
  readonly expected: readonly [PolicyRead, PolicyRead];
}

const absent: PolicyRead = { kind: 'absent' };
const found = (raw: Readonly<Record<string, unknown>>) => ({ raw, problems: [] });

export const STATES: Readonly<Record<string, PolicyState>> = {
  NoKey: { values: [], expected: [absent, absent] },
  Machine: {
    values: [
      { hive: 'HKLM', name: 'ServerUrl', type: 'REG_SZ', data: 'https://machine.example.com' },
      { hive: 'HKLM', name: 'AllowKeepSignedIn', type: 'REG_DWORD', data: '0' },
      { hive: 'HKLM', name: 'TrustedComputerDays', type: 'REG_DWORD', data: '30' },
      { hive: 'HKLM', name: 'ExternalOrigins', type: 'REG_MULTI_SZ', data: 'https://a.example.com\\0https://b.example.com' },
      { hive: 'HKLM', name: 'HelpUrl', type: 'REG_EXPAND_SZ', data: 'https://help.example.com/stepgate' },
    ],
    expected: [
      {
        kind: 'found',
        ...found({
          serverUrl: 'https://machine.example.com',
          allowKeepSignedIn: false,
          trustedComputerDays: 30,
          externalOrigins: ['https://a.example.com', 'https://b.example.com'],
          helpUrl: 'https://help.example.com/stepgate',
        }),
      },
      absent,
    ],
  },
  User: {
    values: [
      { hive: 'HKCU', name: 'Language', type: 'REG_SZ', data: 'fi' },
      { hive: 'HKCU', name: 'AllowTrustedComputer', type: 'REG_DWORD', data: '1' },
    ],
    expected: [absent, { kind: 'found', ...found({ language: 'fi', allowTrustedComputer: true }) }],
  },
  WrongTypes: {
    values: [
      { hive: 'HKLM', name: 'AllowKeepSignedIn', type: 'REG_SZ', data: '0' },
      { hive: 'HKLM', name: 'ServerUrl', type: 'REG_BINARY', data: '00ff' },
      { hive: 'HKLM', name: 'ExternalOrigins', type: 'REG_SZ', data: 'https://a.example.com' },
      { hive: 'HKLM', name: 'TrustedComputerDays', type: 'REG_QWORD', data: '5' },
    ],
    expected: [
      {
        kind: 'found',
        raw: {},
        problems: [
          { source: 'HKLM\\Software\\Policies\\StepgateWine\\WrongTypes', key: 'allowKeepSignedIn', reason: 'is REG_SZ, but must be REG_DWORD' },
          { source: 'HKLM\\Software\\Policies\\StepgateWine\\WrongTypes', key: 'externalOrigins', reason: 'is REG_SZ, but must be REG_MULTI_SZ' },
          { source: 'HKLM\\Software\\Policies\\StepgateWine\\WrongTypes', key: 'serverUrl', reason: 'is REG_BINARY, but must be REG_SZ or REG_EXPAND_SZ' },
          { source: 'HKLM\\Software\\Policies\\StepgateWine\\WrongTypes', key: 'trustedComputerDays', reason: 'is REG_QWORD, but must be REG_DWORD' },
        ],
      },
      absent,
    ],
  },
  /** The key exists with no named values (reg add gives it an empty default value): policy that sets nothing. */
  EmptyKey: { values: [{ hive: 'HKLM' }, { hive: 'HKCU' }], expected: [{ kind: 'found', ...found({}) }, { kind: 'found', ...found({}) }] },
  /**
   * Written by a 32-bit tool (/reg:32). Software\Policies is one key for both views (not redirected to
   * WOW6432Node), so the reader, which opens the 64-bit view, reads it all the same.
   */
  WrittenBy32BitTool: {
    values: [{ hive: 'HKLM', name: 'ServerUrl', type: 'REG_SZ', data: 'https://wow64.example.com', view: 32 }],
    expected: [{ kind: 'found', ...found({ serverUrl: 'https://wow64.example.com' }) }, absent],
  },
  NamesAnyCase: {
    values: [
      { hive: 'HKCU', name: 'serverurl', type: 'REG_SZ', data: 'https://user.example.com' },
      { hive: 'HKCU', name: 'Colour', type: 'REG_SZ', data: 'red' },
    ],
    expected: [absent, { kind: 'found', ...found({ serverUrl: 'https://user.example.com', Colour: 'red' }) }],
  },
};

/** The app's own key, read by the app's loadConfig: machine and user policy together. */
export const APP_STATE: readonly Value[] = [
  { hive: 'HKLM', name: 'ServerUrl', type: 'REG_SZ', data: 'https://machine.example.com' },
  { hive: 'HKCU', name: 'ServerUrl', type: 'REG_SZ', data: 'https://user.example.com' },
  { hive: 'HKCU', name: 'AllowKeepSignedIn', type: 'REG_DWORD', data: '0' },
];

const reg = (args: string) => [`reg ${args} >nul`, `if errorlevel 1 exit /b 1`];

function add(key: string, value: Value): string[] {
  const path = `${value.hive}\\${key}`;
  const named = value.name === undefined ? '' : ` /v ${value.name} /t ${value.type ?? 'REG_SZ'} /d "${value.data ?? ''}"`;
  return reg(`add "${path}"${named} /f /reg:${value.view ?? 64}`);
}

/** A cmd.exe batch file (CRLF) that clears every earlier state and makes these. */
export function statesBatch(appVendor: string, app: string): string {
  const clear = (['HKLM', 'HKCU'] as const).flatMap((hive) =>
    [VENDOR, appVendor].flatMap((vendor) => [32, 64].map((view) => `reg delete "${hive}\\Software\\Policies\\${vendor}" /f /reg:${view} >nul 2>&1`)),
  );
  const lines = [
    '@echo off',
    ...clear,
    ...Object.entries(STATES).flatMap(([name, state]) => state.values.flatMap((value) => add(`Software\\Policies\\${VENDOR}\\${name}`, value))),
    ...APP_STATE.flatMap((value) => add(`Software\\Policies\\${appVendor}\\${app}`, value)),
    'exit /b 0',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
