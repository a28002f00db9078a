/**
 * A problem in plain words. Most are alerts, read out once when they appear. A lock-out counts down
 * on screen, with the cause of the refusal that started it; its sentence is read politely when it starts, at a few milestones and when it ends,
 * always as the screen shows it at that moment, never every second.
 */
import type { RefObject } from 'react';
import type { Problem } from '../../shared/ipc/problem.js';
import { LOCK_OUT, useCountdownAnnouncement } from '../app/use-countdown-announcement.js';
import { useSecondsLeft } from '../app/use-seconds-left.js';
import { useMessages } from '../i18n/messages.js';
import { lockCauseOf } from '../../shared/messages/lock-cause.js';

interface Props {
  readonly problem: Problem;
  readonly id: string;
  /** Said after a lock-out's countdown while it runs, e.g. that recovery codes are locked too. */
  readonly whileLocked?: string | undefined;
  /** Lets a page move focus to the message itself, when it is what the person came back to. */
  readonly focusRef?: RefObject<HTMLDivElement | null>;
}

export function ProblemMessage({ problem, id, whileLocked, focusRef }: Props) {
  const t = useMessages();
  const retryAt = problem.kind === 'locked' ? problem.retryAt : null;
  const left = useSecondsLeft(retryAt);
  const locked = retryAt !== null;
  const cause = problem.kind === 'locked' ? lockCauseOf(t.code.lockCause, problem.reason) : undefined;
  const sentence = !locked
    ? t.problem(problem, Date.now())
    : (left > 0 ? [t.code.lockedFor(left), cause, whileLocked] : [t.code.lockedOver, cause]).filter((s) => s !== undefined).join(' ');
  useCountdownAnnouncement(locked ? left : null, sentence, LOCK_OUT);
  return (
    <div className="problem" data-testid="problem" id={id} role={locked ? undefined : 'alert'} ref={focusRef} tabIndex={focusRef === undefined ? undefined : -1}>
      <p>{sentence}</p>
    </div>
  );
}

/** A key that changes when a different problem (or the same one again, after a new attempt) appears. */
export const problemKey = (problem: Problem, attempt = 0): string => `${problem.kind}:${attempt}:${JSON.stringify(problem)}`;
