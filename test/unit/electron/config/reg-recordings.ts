/**
 * `reg query` as Windows answers it, byte for byte: what it prints (in the OEM code page) and the
 * exit code, for the situations the policy reader must tell apart. A recording plays back through
 * the same RunCommand the app uses, so the reader under test is the real one.
 */
import iconv from 'iconv-lite';
import type { CommandResult, RunCommand } from '../../../../electron/config/policy-read.js';

export const SYSTEM_ROOT = 'C:\\Windows';
export const REG = 'C:\\Windows\\System32\\reg.exe';
export const HKLM_KEY = 'HKLM\\Software\\Policies\\Stepgate\\Stepgate';
export const HKCU_KEY = 'HKCU\\Software\\Policies\\Stepgate\\Stepgate';

const cp850 = (text: string) => new Uint8Array(iconv.encode(text, 'cp850'));
const lines = (...text: string[]) => `\r\n${text.join('\r\n')}\r\n\r\n`;

export const exited = (code: number, stdout = '', stderr = ''): CommandResult => ({ kind: 'exited', code, stdout: cp850(stdout), stderr: cp850(stderr) });

export const NOT_FOUND = exited(1, '', 'ERROR: The system was unable to find the specified registry key or value.\r\n');
export const ACCESS_DENIED = exited(1, '', 'ERROR: Access is denied.\r\n');
export const TOOLS_DISABLED = exited(1, '', 'ERROR: Registry editing has been disabled by your administrator.\r\n');
/** German Windows: the same "not found", localised, with ü in code page 850. */
export const NOT_FOUND_GERMAN = exited(1, '', 'FEHLER: Das System konnte den angegebenen Registrierungsschlüssel bzw. Wert nicht finden.\r\n');

export const policyValues = (hive: string, ...values: string[]) => exited(0, lines(`${hive}\\Software\\Policies\\Stepgate\\Stepgate`, ...values.map((v) => `    ${v}`)));

/** A key that lists subkeys, as `reg query HKLM\Software\Policies` prints it. */
export const listing = (path: string, ...children: string[]) => exited(0, lines(...children.map((child) => `${path}\\${child}`)));

export const OEMCP_850 = exited(0, lines('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '    OEMCP    REG_SZ    850'));

/** Plays recordings back by key; every call is remembered, and a query nobody recorded fails the test. */
export function recordedReg(answers: Readonly<Record<string, CommandResult>>): { readonly run: RunCommand; readonly calls: string[][] } {
  const calls: string[][] = [];
  const run: RunCommand = async (file, args) => {
    calls.push([file, ...args]);
    if (file !== REG) throw new Error(`ran ${file}, not ${REG}`);
    if (args[args.length - 1] !== '/reg:64') throw new Error(`queried without /reg:64: ${args.join(' ')}`);
    const key = args.slice(0, -1).join(' ');
    const answer = answers[key];
    if (answer === undefined) throw new Error(`no recording for reg ${key}`);
    return answer;
  };
  return { run, calls };
}
