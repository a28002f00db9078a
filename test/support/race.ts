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
 * `rounds` delays from 0 to `maxMs`: the first few are fixed (0 and 1 ms, the likeliest to collide),
 * the rest spread at random.
 */
export function delays(random: () => number, rounds: number, maxMs: number): readonly number[] {
  return Array.from({ length: rounds }, (_, i) => (i < 2 ? i : Math.floor(random() * (maxMs + 1))));
}

/** Starts `first`, then `second` after `delayMs`; waits for both, never leaving one running. */
export async function race<A, B>(first: () => Promise<A>, second: () => Promise<B>, delayMs: number): Promise<readonly [A, B]> {
  const a = first();
  const b = sleep(delayMs).then(second);
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value] as const;
}

/** Counts rounds per suite, so a suite can say how many it ran. */
export interface RoundCounter {
  count(n?: number): void;
  readonly total: number;
}

export function roundCounter(): RoundCounter {
  let total = 0;
  return {
    count: (n = 1) => {
      total += n;
    },
    get total() {
      return total;
    },
  };
}
