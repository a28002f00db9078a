/**
 * Races between real requests: the second request starts a chosen number of milliseconds after the
 * first, so over many rounds it lands before, during and after the first one's slow work (Argon2,
 * QR code, the answer's way back). Delays come from a seeded generator: a failing round can be replayed.
 */

/** mulberry32: small, fast and good enough to spread delays and pick fuzz cases reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of a suite: fixed by default, `STEPGATE_TEST_SEED` to replay another run. */
export function testSeed(fallback: number): number {
  const given = process.env['STEPGATE_TEST_SEED'];
  if (given === undefined || given === '') return fallback;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`STEPGATE_TEST_SEED must be an integer, not "${given}"`);
  return seed;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `rounds` delays from -`maxMs` to `maxMs`: the first few are fixed (0 and 1 ms either way, the likeliest
 * to collide), the rest spread at random. A negative delay starts the second request first.
 */
export function delays(random: () => number, rounds: number, maxMs: number): readonly number[] {
  const fixed = [0, 1, -1];
  return Array.from({ length: rounds }, (_, i) => fixed[i] ?? Math.round((random() * 2 - 1) * maxMs));
}

/** Starts `first` and `second` `delayMs` apart (`second` leads when negative); waits for both, never leaving one running. */
export async function race<A, B>(first: () => Promise<A>, second: () => Promise<B>, delayMs: number): Promise<readonly [A, B]> {
  const a = delayMs >= 0 ? first() : sleep(-delayMs).then(first);
  const b = delayMs >= 0 ? sleep(delayMs).then(second) : second();
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value] as const;
}
