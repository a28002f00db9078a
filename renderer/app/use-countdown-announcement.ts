/**
 * Speaks a countdown's sentence politely at a few moments, not every second; the sentence is the
 * one on screen at that moment, made from the same number.
 */
import { useEffect, useRef } from 'react';
import { useAnnounce } from '../components/Announcer.js';

export interface CountdownAnnouncement {
  /** Say it when the countdown first appears. */
  readonly atStart: boolean;
  /** Say it again when this many seconds are left. */
  readonly at: (secondsLeft: number) => boolean;
}

/** A lock-out: when it starts, every whole minute, at 30 and 10 seconds, and when it is over. */
export const LOCK_OUT: CountdownAnnouncement = {
  atStart: true,
  at: (left) => left === 0 || left === 30 || left === 10 || left % 60 === 0,
};

/** A challenge running out: once, a minute before (its end is an alert of its own). */
export const EXPIRY: CountdownAnnouncement = { atStart: false, at: (left) => left === 60 };

/** `secondsLeft` null: no countdown running. */
export function useCountdownAnnouncement(secondsLeft: number | null, sentence: string, when: CountdownAnnouncement): void {
  const announce = useAnnounce();
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (secondsLeft === null) {
      last.current = null;
      return;
    }
    if (last.current === secondsLeft) return;
    const first = last.current === null;
    last.current = secondsLeft;
    if (first ? when.atStart : when.at(secondsLeft)) announce(sentence);
  }, [secondsLeft, sentence, announce, when]);
}
