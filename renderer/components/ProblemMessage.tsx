/**
 * A problem in plain words, announced to screen readers once when it appears. A countdown
 * (lock-out) keeps ticking on screen without being re-announced every second.
 */
import { useState } from 'react';
import type { Problem } from '../../shared/ipc/problem.js';
import { en } from '../../shared/messages/en.js';

export function ProblemMessage({ problem, now, id }: { readonly problem: Problem; readonly now: number; readonly id: string }) {
  // Fixed at first render; the component is keyed by the problem, so a new problem is announced anew.
  const [announced] = useState(() => en.problem(problem, now));
  const text = en.problem(problem, now);
  return (
    <div className="problem" id={id}>
      <p className="visually-hidden" role="alert">
        {announced}
      </p>
      <p aria-hidden="true">{text}</p>
    </div>
  );
}

/** A key that changes when a different problem (or the same one again, after a new attempt) appears. */
export const problemKey = (problem: Problem, attempt = 0): string => `${problem.kind}:${attempt}:${JSON.stringify(problem)}`;
