/**
 * What reading one policy source can come to, and the thin I/O it needs. Only "not there" counts
 * as no policy: a source that exists but cannot be read or understood stops the app (fail closed),
 * since carrying on would silently unlock what IT meant to lock.
 */
import { assertNever } from '../../shared/util/assert-never.js';
import type { SettingProblem } from './settings.js';

export type PolicyRead =
  | { readonly kind: 'absent' }
  /** `raw`: setting name → value, as JSON would give it; `problems`: values the reader already refused. */
  | { readonly kind: 'found'; readonly raw: Readonly<Record<string, unknown>>; readonly problems: readonly SettingProblem[] }
  | { readonly kind: 'unreadable'; readonly cause: string };

export const absent: PolicyRead = { kind: 'absent' };
export const unreadable = (cause: string): PolicyRead => ({ kind: 'unreadable', cause });

/** A command that ran (with its exit code and output) or could not run at all (not found, blocked, timed out). */
export type CommandResult =
  | { readonly kind: 'exited'; readonly code: number; readonly stdout: Uint8Array; readonly stderr: Uint8Array }
  | { readonly kind: 'failed'; readonly cause: string };

export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandResult>;

export type FileRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly cause: string };

export type ReadFile = (path: string) => Promise<FileRead>;

/** The first line of a tool's complaint, for a message that names the cause. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? '';
}

/** A JSON document that must be an object of settings (Linux policy, the person's settings file). */
export function parseJsonObject(text: string): { readonly ok: true; readonly raw: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly cause: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, cause: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, cause: 'is not a JSON object of settings' };
  return { ok: true, raw: parsed as Record<string, unknown> };
}

/** What a source's read came to, where only what was read needs the source's own understanding. */
export function policyFromRead<R extends { readonly kind: 'read' }>(
  read: { readonly kind: 'absent' } | { readonly kind: 'unreadable'; readonly cause: string } | R,
  understand: (read: R) => PolicyRead,
): PolicyRead {
  switch (read.kind) {
    case 'absent':
      return absent;
    case 'unreadable':
      return unreadable(read.cause);
    case 'read':
      return understand(read as R);
    default:
      return assertNever(read);
  }
}

export function readJsonPolicy(read: FileRead): PolicyRead {
  return policyFromRead(read, ({ text }) => {
    const parsed = parseJsonObject(text);
    return parsed.ok ? { kind: 'found', raw: parsed.raw, problems: [] } : unreadable(parsed.cause);
  });
}
