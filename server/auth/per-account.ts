import { usernameKey } from '../store/rows.js';

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs checks for one account one at a time. A password or recovery-code check waits on Argon2;
 * without this, a burst of guesses sent together would all pass the lock check before the first
 * failure was counted.
 */
export function oneAtATime<T>(username: string, task: () => Promise<T>): Promise<T> {
  const key = usernameKey(username);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
