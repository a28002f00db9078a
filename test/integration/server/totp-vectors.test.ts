/**
 * RFC 6238 Appendix B test vectors: otpauth (which the tests use as the reference authenticator app) and
 * the server's own verifier must agree with them, and the server must accept the codes an app computes
 * from the secret it hands out at those very instants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { matchStep } from '../../../server/totp/totp.js';
import { AuthenticatedResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { ok } from '../../support/http-client.js';
import { challengeFor, codeAt, createTotpUser, RELAXED_THROTTLE, submitCode } from '../../support/totp.js';

const SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;

/** RFC 6238, Appendix B: time (seconds), and the 8-digit code for SHA1, SHA256 and SHA512. */
const VECTORS = [
  { time: 59, SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' },
  { time: 1111111109, SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' },
  { time: 1111111111, SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' },
  { time: 1234567890, SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' },
  { time: 2000000000, SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' },
  { time: 20000000000, SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' },
] as const;

const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;

describe('RFC 6238 Appendix B with otpauth', () => {
  for (const algorithm of ALGORITHMS) {
    for (const vector of VECTORS) {
      it(`${algorithm} at T=${vector.time} gives ${vector[algorithm]}`, () => {
        const totp = new TOTP({ secret: Secret.fromUTF8(SEEDS[algorithm]), algorithm, digits: 8, period: 30 });
        expect(totp.generate({ timestamp: vector.time * 1000 })).toBe(vector[algorithm]);
        expect(totp.validate({ token: vector[algorithm], timestamp: vector.time * 1000, window: 0 })).toBe(0);
      });
    }
  }
});

describe("the server's verifier (server/totp matchStep) with the RFC SHA1 seed", () => {
  const seed = Buffer.from(SEEDS.SHA1, 'utf8');
  for (const vector of VECTORS) {
    const sixDigits = vector.SHA1.slice(-6);
    it(`accepts ${sixDigits} at T=${vector.time} and names its time step`, () => {
      expect(matchStep(seed, sixDigits, vector.time * 1000, 0)).toBe(Math.floor(vector.time / 30));
    });
    it(`places ${sixDigits} one step back when checked 30 s later with window 1, refuses it with window 0`, () => {
      expect(matchStep(seed, sixDigits, (vector.time + 30) * 1000, 1)).toBe(Math.floor(vector.time / 30));
      expect(matchStep(seed, sixDigits, (vector.time + 30) * 1000, 0)).toBeNull();
    });
  }
  it('refuses a code that differs in one digit', () => {
    const vector = VECTORS[1];
    const code = vector.SHA1.slice(-6);
    const wrong = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
    expect(matchStep(seed, wrong, vector.time * 1000, 1)).toBeNull();
  });
});

describe('the running server accepts the codes an authenticator app computes at the RFC instants', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  for (const vector of VECTORS) {
    it(`signs in with the code an app computes from the server's secret at T=${vector.time}`, async () => {
      // Enrolling uses up the code of its own step and moves the clock one period on: start 30 s early.
      server.clock.set((vector.time - 30) * 1000);
      const user = await createTotpUser(server);
      expect(server.clock.now()).toBe(vector.time * 1000);
      const challenge = await challengeFor(server, user.username, user.password);
      ok(await submitCode(server, challenge.id, codeAt(user.secret, vector.time * 1000)), 200, AuthenticatedResponse);
    });
  }
});
