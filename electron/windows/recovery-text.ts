/** The words of a recovery message and its buttons, from the app's catalogue. */
import type { Messages } from '../../shared/messages/en.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { RecoveryChoice, RecoveryMessage } from './recovery-plan.js';

export interface RecoveryText {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
}

export function recoveryText(message: RecoveryMessage, choices: readonly RecoveryChoice[], t: Messages): RecoveryText {
  const r = t.recovery;
  const buttons = choices.map((choice) => r[choice]);
  switch (message.kind) {
    case 'loadFailed':
      return { message: r.loadFailed, detail: r.loadFailedDetail(message.description), buttons };
    case 'reopened':
      return { message: r.reopened, detail: r.reopenedDetail(message.reason), buttons };
    case 'crashLoop':
      return { message: r.crashLoop, detail: r.crashLoopDetail(message.count), buttons };
    case 'unresponsive':
      return { message: r.unresponsive, detail: r.unresponsiveDetail, buttons };
    default:
      return assertNever(message);
  }
}
