/**
 * What a person (and the log) is told when the app cannot start. A packaged app has no console, so
 * this text goes into an error box; it names the cause and where the log is, for IT.
 */
import { assertNever } from '../../shared/util/assert-never.js';
import type { ConfigFailure } from '../config/load-config.js';
import { describeRefused, type RefusedSwitch } from '../security/remote-control.js';

export type StartFailure =
  | { readonly kind: 'config'; readonly failure: ConfigFailure }
  | { readonly kind: 'preload'; readonly cause: string }
  /** A release build started with switches that would let another program drive it (remote-control.ts). */
  | { readonly kind: 'remoteControl'; readonly switches: readonly RefusedSwitch[] }
  | { readonly kind: 'unexpected'; readonly cause: string };

export interface ErrorBoxText {
  readonly title: string;
  readonly message: string;
}

function describe(failure: StartFailure): string {
  switch (failure.kind) {
    case 'config':
      return failure.failure.policy
        ? `The policy your organisation set for Stepgate could not be read or used, so Stepgate does not start without it.\n\nWhere: ${failure.failure.source}\nWhy: ${failure.failure.cause}\n\nPlease tell your IT department.`
        : `Your Stepgate settings file could not be read.\n\nWhere: ${failure.failure.source}\nWhy: ${failure.failure.cause}\n\nFix or delete that file, then start Stepgate again.`;
    case 'preload':
      return `Part of Stepgate did not load (${failure.cause}). Reinstalling Stepgate should fix this.`;
    case 'remoteControl':
      return `Stepgate was started with switches that would let another program control it or read what it shows, so it does not start.\n\nSwitches: ${describeRefused(failure.switches)}\n\nStart Stepgate without them. If you did not add them, a shortcut or a program on this computer did: please tell your IT department.`;
    case 'unexpected':
      return `Something unexpected went wrong: ${failure.cause}`;
    default:
      return assertNever(failure);
  }
}

export function startFailureText(failure: StartFailure, logPath: string | null): ErrorBoxText {
  const log = logPath === null ? '' : `\n\nDetails are in the log: ${logPath}`;
  const title = failure.kind === 'config' || failure.kind === 'remoteControl' ? 'Stepgate cannot start' : 'Stepgate stopped';
  return { title, message: `${describe(failure)}${log}` };
}

/** One line for the log. */
export function startFailureLogLine(failure: StartFailure): string {
  switch (failure.kind) {
    case 'config':
      return `cannot start: ${failure.failure.policy ? 'policy' : 'settings'} ${failure.failure.source} ${failure.failure.cause}`;
    case 'preload':
      return `stopped: the preload script failed: ${failure.cause}`;
    case 'remoteControl':
      return `cannot start: remote control switches are refused in release builds: ${describeRefused(failure.switches)}`;
    case 'unexpected':
      return `stopped: ${failure.cause}`;
    default:
      return assertNever(failure);
  }
}
