/**
 * Verification codes as an authenticator app computes them (RFC 6238), from what enrollment hands
 * out: the base32 key ("JBSW Y3DP ...", spaces allowed) or the otpauth:// URI of the QR code.
 * An `Authenticator` also remembers which time steps it has handed out, because a server accepts
 * each code once: asking it for an unused code right after one was used waits for the next step.
 */
import { Secret, TOTP, URI } from 'otpauth';

export interface AuthenticatorOptions {
  /** The clock codes are computed at (milliseconds since the epoch); by default this computer's. */
  readonly now?: () => number;
  /** Waits `ms` milliseconds; by default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const BASE32 = /^[A-Z2-7]+=*$/;

/** The TOTP parameters of `secretOrUri`; a clear error for anything else. */
export function parseTotp(secretOrUri: string): TOTP {
  const text = secretOrUri.trim();
  if (/^otpauth:/i.test(text)) {
    let parsed: ReturnType<typeof URI.parse>;
    try {
      parsed = URI.parse(text);
    } catch (error) {
      throw new Error(`not a usable otpauth URI: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!(parsed instanceof TOTP)) throw new Error('the otpauth URI is for counter-based (HOTP) codes; Stepgate uses time-based (TOTP) codes');
    return parsed;
  }
  const key = text.replace(/[\s-]/g, '').toUpperCase();
  if (key === '' || !BASE32.test(key)) throw new Error('expected a base32 key (letters A-Z and digits 2-7) or an otpauth:// URI');
  return new TOTP({ secret: Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 });
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Authenticator {
  private readonly totp: TOTP;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The newest time step a code was handed out for by `unusedCode`. */
  private lastUsedStep = -Infinity;

  constructor(secretOrUri: string, options: AuthenticatorOptions = {}) {
    this.totp = parseTotp(secretOrUri);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? timer;
  }

  /** Seconds per code. */
  get period(): number {
    return this.totp.period;
  }

  get digits(): number {
    return this.totp.digits;
  }

  /** The time step (counter) at `timestamp`. */
  stepAt(timestamp: number): number {
    return Math.floor(timestamp / 1000 / this.totp.period);
  }

  /** The code the app shows at `timestamp` (now by default). */
  code(timestamp: number = this.now()): string {
    return this.totp.generate({ timestamp });
  }

  /** Milliseconds until the next time step begins. */
  msUntilNextStep(timestamp: number = this.now()): number {
    return (this.stepAt(timestamp) + 1) * this.totp.period * 1000 - timestamp;
  }

  /**
   * A code no earlier call has handed out: the current one, or, when its time step was used
   * already, the next step's, after waiting for that step to begin (at most one period).
   * The step is then counted as used.
   */
  async unusedCode(): Promise<string> {
    await waitForNextTimeStep({ after: this.lastUsedStep, period: this.totp.period, now: this.now, sleep: this.sleep });
    const now = this.now();
    this.lastUsedStep = this.stepAt(now);
    return this.code(now);
  }
}

export interface NextStepOptions {
  /** The step a code was used for; resolves once a later step has begun. By default the current step. */
  readonly after?: number;
  readonly period?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Waits until the time step after `after` has begun (by default: until the next one begins), so
 * that the code then shown is one the server has not seen. Resolves at once when it already has.
 */
export async function waitForNextTimeStep(options: NextStepOptions = {}): Promise<void> {
  const period = (options.period ?? 30) * 1000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? timer;
  const after = options.after ?? Math.floor(now() / period);
  for (;;) {
    const left = (after + 1) * period - now();
    if (left <= 0) return;
    // A little past the boundary: a server whose clock is a few milliseconds behind is in the new step too.
    await sleep(left + 50);
  }
}
