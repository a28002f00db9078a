/**
 * Enrollment: POST /me/authenticators (pending, with secret, Key URI and QR code), confirmation with a code,
 * enrollment-only sessions, name uniqueness, expiry of pending authenticators, removal.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP, URI } from 'otpauth';
import QRCode from 'qrcode';
import {
  AuthenticatedResponse,
  ConfirmAuthenticatorResponse,
  EnrollmentRequiredResponse,
  MeResponse,
  PendingAuthenticator,
  TotpRequiredResponse,
} from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../support/http-client.js';
import {
  codeAt,
  createTotpUser,
  createUser,
  login,
  PERIOD_MS,
  passwordSession,
  RELAXED_THROTTLE,
} from '../../support/totp.js';

const ISSUER = 'Acme & Co';
const PENDING_TTL_MS = 10 * 60_000;

// A small PNG reader (8-bit and palette/grey sub-byte depths, no interlace): enough to sample a QR code.
interface Bitmap {
  readonly width: number;
  readonly height: number;
  dark(x: number, y: number): boolean;
}

function readPng(png: Buffer): Bitmap {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let depth = 8;
  let colorType = 0;
  let interlace = 0;
  let palette = Buffer.alloc(0);
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data.readUInt8(8);
      colorType = data.readUInt8(9);
      interlace = data.readUInt8(12);
    } else if (type === 'PLTE') palette = Buffer.from(data);
    else if (type === 'IDAT') idat.push(Buffer.from(data));
    offset += 12 + length;
  }
  if (interlace !== 0) throw new Error('interlaced PNG not supported by the test reader');
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (channels === undefined) throw new Error(`PNG colour type ${colorType}`);
  const bitsPerPixel = channels * depth;
  const bpp = Math.max(1, bitsPerPixel / 8);
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let i = 0; i < stride; i += 1) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= bpp ? (pixels[y * stride + i - bpp] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const c = i >= bpp && y > 0 ? (pixels[(y - 1) * stride + i - bpp] ?? 0) : 0;
      let value = x;
      if (filter === 1) value = x + a;
      else if (filter === 2) value = x + b;
      else if (filter === 3) value = x + Math.floor((a + b) / 2);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[y * stride + i] = value & 0xff;
    }
  }
  const sample = (x: number, y: number, channel: number): number => {
    if (depth === 8) return pixels[y * stride + x * channels + channel] ?? 0;
    const bit = x * depth;
    const byte = pixels[y * stride + Math.floor(bit / 8)] ?? 0;
    const v = (byte >> (8 - depth - (bit % 8))) & ((1 << depth) - 1);
    return colorType === 3 ? v : Math.round((v * 255) / ((1 << depth) - 1));
  };
  return {
    width,
    height,
    dark: (x, y) => {
      let r: number;
      let g: number;
      let b: number;
      let alpha = 255;
      if (colorType === 3) {
        const i = sample(x, y, 0) * 3;
        r = palette[i] ?? 0;
        g = palette[i + 1] ?? 0;
        b = palette[i + 2] ?? 0;
      } else if (colorType === 0 || colorType === 4) {
        r = g = b = sample(x, y, 0);
        if (colorType === 4) alpha = sample(x, y, 1);
      } else {
        r = sample(x, y, 0);
        g = sample(x, y, 1);
        b = sample(x, y, 2);
        if (colorType === 6) alpha = sample(x, y, 3);
      }
      return alpha >= 128 && (r + g + b) / 3 < 128;
    },
  };
}

/** True when the bitmap shows the QR symbol that encodes `text` (at any error correction level). */
function showsQrOf(bitmap: Bitmap, text: string): boolean {
  let left = bitmap.width;
  let top = bitmap.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      if (!bitmap.dark(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return false;
  for (const level of ['L', 'M', 'Q', 'H'] as const) {
    const symbol = QRCode.create(text, { errorCorrectionLevel: level });
    const size = symbol.modules.size;
    const moduleW = (right - left + 1) / size;
    const moduleH = (bottom - top + 1) / size;
    let same = true;
    for (let row = 0; row < size && same; row += 1) {
      for (let col = 0; col < size && same; col += 1) {
        const x = Math.floor(left + (col + 0.5) * moduleW);
        const y = Math.floor(top + (row + 0.5) * moduleH);
        same = bitmap.dark(x, y) === Boolean(symbol.modules.get(row, col));
      }
    }
    if (same) return true;
  }
  return false;
}

describe('enrollment', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer({ config: { issuer: ISSUER, throttle: RELAXED_THROTTLE } });
    // The issuer may come from the configuration or the environment's name: both say the same here.
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false, name: ISSUER });
    api = apiClient(server.api);
  });
  afterAll(async () => {
    await server.close();
  });

  async function fullSession(spec: { username?: string } = {}) {
    const user = await createUser(server, spec);
    return { user, token: (await passwordSession(server, user.username, user.password)).token };
  }

  async function addPending(token: string, name = 'Work phone'): Promise<PendingAuthenticator> {
    return ok(await api.post('/me/authenticators', { token, body: { name } }), 201, PendingAuthenticator);
  }

  const confirm = (token: string, id: string, code: string) => api.post(`/me/authenticators/${id}/confirm`, { token, body: { code } });

  describe('POST /me/authenticators', () => {
    it('answers 201 with a pending authenticator: name, 160-bit Base32 secret, expiry in 10 minutes', async () => {
      const { token } = await fullSession();
      const pending = await addPending(token, 'Work phone');
      expect(pending.name).toBe('Work phone');
      expect(pending.secret).toMatch(/^[A-Z2-7]+$/);
      expect(Secret.fromBase32(pending.secret).bytes.length).toBeGreaterThanOrEqual(20);
      expect(Date.parse(pending.expiresAt)).toBe(server.clock.now() + PENDING_TTL_MS);
    });

    it('gives every enrollment a fresh secret', async () => {
      const { token } = await fullSession();
      const a = await addPending(token, 'One');
      const b = await addPending(token, 'Two');
      expect(a.secret).not.toBe(b.secret);
      expect(a.id).not.toBe(b.id);
    });

    it('gives a Key URI with issuer, percent-encoded label, the secret, SHA1, 6 digits, 30 s', async () => {
      const { user, token } = await fullSession({ username: 'jane.doe@example.com' });
      const pending = await addPending(token);
      const uri = pending.otpauthUri;
      expect(uri.startsWith('otpauth://totp/')).toBe(true);
      const [rawLabel, query] = uri.slice('otpauth://totp/'.length).split('?');
      expect(rawLabel).not.toMatch(/[ &@?#]/);
      expect(decodeURIComponent(rawLabel ?? '')).toBe(`${ISSUER}:${user.username}`);
      const params = new URLSearchParams(query);
      expect(params.get('secret')).toBe(pending.secret);
      expect(params.get('issuer')).toBe(ISSUER);
      expect(params.get('algorithm')).toBe('SHA1');
      expect(params.get('digits')).toBe('6');
      expect(params.get('period')).toBe('30');
      expect(pending.secret).not.toContain('=');
      // An authenticator app (otpauth's parser) reads it the same way.
      const parsed = URI.parse(uri);
      if (!(parsed instanceof TOTP)) throw new Error('not a TOTP URI');
      expect(parsed.issuer).toBe(ISSUER);
      expect(parsed.label).toBe(user.username);
      expect(parsed.secret.base32).toBe(pending.secret);
      expect(parsed.generate({ timestamp: server.clock.now() })).toBe(codeAt(pending.secret, server.clock.now()));
    });

    it('gives a PNG data URL whose QR code encodes the Key URI', async () => {
      const { token } = await fullSession();
      const pending = await addPending(token);
      const prefix = 'data:image/png;base64,';
      expect(pending.qrCode.startsWith(prefix)).toBe(true);
      const bitmap = readPng(Buffer.from(pending.qrCode.slice(prefix.length), 'base64'));
      expect(bitmap.width).toBeGreaterThanOrEqual(100);
      expect(showsQrOf(bitmap, pending.otpauthUri)).toBe(true);
      expect(showsQrOf(bitmap, `${pending.otpauthUri}x`)).toBe(false);
    });

    it('needs a session', async () => {
      fails(await api.post('/me/authenticators', { body: { name: 'Phone' } }), 401, 'unauthorized');
      fails(await api.post('/me/authenticators', { body: { name: 'Phone' }, token: 'not-a-token' }), 401, 'unauthorized');
    });

    it('answers 409 totp_disabled when TOTP is off for the environment', async () => {
      const { token } = await fullSession();
      await server.setEnvironment({ totpEnabled: false });
      try {
        fails(await api.post('/me/authenticators', { token, body: { name: 'Phone' } }), 409, 'totp_disabled');
      } finally {
        await server.setEnvironment({ totpEnabled: true });
      }
    });
  });

  describe('pending authenticators', () => {
    it('do not count: a required user with only a pending one still gets enrollment_required', async () => {
      const user = await createUser(server, { totpRequired: true });
      const session = await passwordSession(server, user.username, user.password);
      await addPending(session.token);
      ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse);
    });

    it('do not count: a user with only a pending one signs in with the password alone', async () => {
      const { user, token } = await fullSession();
      await addPending(token);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
      const me = ok(await api.get('/me', { token }), 200, MeResponse);
      expect(me.totp.authenticators).toEqual([]);
    });

    it('can be confirmed until 10 minutes have passed', async () => {
      const { token } = await fullSession();
      const pending = await addPending(token);
      server.clock.advance(PENDING_TTL_MS - 1_000);
      ok(await confirm(token, pending.id, codeAt(pending.secret, server.clock.now())), 200, ConfirmAuthenticatorResponse);
      server.clock.advance(PERIOD_MS);
    });

    it('expire after 10 minutes: confirming then answers 404 not_found', async () => {
      const { user, token } = await fullSession();
      const pending = await addPending(token);
      server.clock.advance(PENDING_TTL_MS + 1_000);
      fails(await confirm(token, pending.id, codeAt(pending.secret, server.clock.now())), 404, 'not_found');
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
    });

    it("cannot be confirmed by another user: 404 not_found", async () => {
      const a = await fullSession();
      const b = await fullSession();
      const pending = await addPending(a.token);
      fails(await confirm(b.token, pending.id, codeAt(pending.secret, server.clock.now())), 404, 'not_found');
      // Still confirmable by its owner.
      ok(await confirm(a.token, pending.id, codeAt(pending.secret, server.clock.now())), 200, ConfirmAuthenticatorResponse);
      server.clock.advance(PERIOD_MS);
    });

    it('an unknown id answers 404 not_found', async () => {
      const { token } = await fullSession();
      fails(await confirm(token, 'nosuchauthenticator', '123456'), 404, 'not_found');
    });
  });

  describe('confirmation', () => {
    it('refuses a wrong code with invalid_code, then accepts the right one', async () => {
      const { token } = await fullSession();
      const pending = await addPending(token);
      const right = codeAt(pending.secret, server.clock.now());
      fails(await confirm(token, pending.id, right === '000000' ? '111111' : '000000'), 401, 'invalid_code');
      ok(await confirm(token, pending.id, right), 200, ConfirmAuthenticatorResponse);
      server.clock.advance(PERIOD_MS);
    });

    it('first authenticator: 200 with the authenticator and 10 recovery codes, no session for a full session', async () => {
      const { user, token } = await fullSession();
      const pending = await addPending(token, 'Work phone');
      const body = ok(await confirm(token, pending.id, codeAt(pending.secret, server.clock.now())), 200, ConfirmAuthenticatorResponse);
      server.clock.advance(PERIOD_MS);
      expect(body.authenticator.id).toBe(pending.id);
      expect(body.authenticator.name).toBe('Work phone');
      expect(body.recoveryCodes).toHaveLength(10);
      expect(body.session).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain(pending.secret);

      const me = ok(await api.get('/me', { token }), 200, MeResponse);
      expect(me.totp.authenticators.map((a) => a.name)).toEqual(['Work phone']);
      expect(me.totp.recoveryCodesRemaining).toBe(10);
      expect(JSON.stringify(me)).not.toContain(pending.secret);
      // From now on the password alone is not enough.
      ok(await login(server, user.username, user.password), 200, TotpRequiredResponse);
    });

    it('a second authenticator: no recovery codes; names are unique per user, ignoring case', async () => {
      const user = await createTotpUser(server, { authenticatorName: 'Work phone' });
      const dup = fails(await api.post('/me/authenticators', { token: user.token, body: { name: 'work PHONE' } }), 400, 'invalid_request');
      expect(Object.keys(dup.fields ?? {})).toContain('name');
      const second = await addPending(user.token, 'Tablet');
      const body = ok(await confirm(user.token, second.id, codeAt(second.secret, server.clock.now())), 200, ConfirmAuthenticatorResponse);
      server.clock.advance(PERIOD_MS);
      expect(body.recoveryCodes).toBeUndefined();
      const me = ok(await api.get('/me', { token: user.token }), 200, MeResponse);
      expect(me.totp.authenticators.map((a) => a.name).sort()).toEqual(['Tablet', 'Work phone']);
      // Another user may use the same name.
      const other = await fullSession();
      await addPending(other.token, 'Work phone');
    });
  });

  describe('enrollment sessions', () => {
    it('may add and confirm an authenticator, which replaces the enrollment session with a full one', async () => {
      const user = await createUser(server, { totpRequired: true });
      const first = ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse);
      const enrollmentToken = first.enrollmentSession.token;
      fails(await api.get('/me', { token: enrollmentToken }), 403, 'forbidden');

      const pending = await addPending(enrollmentToken, 'Phone');
      const body = ok(await confirm(enrollmentToken, pending.id, codeAt(pending.secret, server.clock.now())), 200, ConfirmAuthenticatorResponse);
      server.clock.advance(PERIOD_MS);
      expect(body.recoveryCodes).toHaveLength(10);
      if (body.session === undefined) throw new Error('confirming with an enrollment session gave no session');
      expect(body.session.token).not.toBe(enrollmentToken);
      expect(body.session.user.username).toBe(user.username);

      const me = ok(await api.get('/me', { token: body.session.token }), 200, MeResponse);
      expect(me.totp.authenticators).toHaveLength(1);
      fails(await api.post('/me/authenticators', { token: enrollmentToken, body: { name: 'Other' } }), 401, 'unauthorized');
      ok(await login(server, user.username, user.password), 200, TotpRequiredResponse);
    });

    it('may do nothing else: GET /me, recovery codes and removal answer 403 forbidden', async () => {
      const user = await createUser(server, { totpRequired: true });
      const { token } = await passwordSession(server, user.username, user.password);
      const pending = await addPending(token);
      fails(await api.get('/me', { token }), 403, 'forbidden');
      fails(await api.post('/me/recovery-codes', { token }), 403, 'forbidden');
      fails(await api.delete(`/me/authenticators/${pending.id}`, { token }), 403, 'forbidden');
    });

    it('expire after 15 minutes', async () => {
      const user = await createUser(server, { totpRequired: true });
      const { token } = await passwordSession(server, user.username, user.password);
      server.clock.advance(15 * 60_000 + 1_000);
      fails(await api.post('/me/authenticators', { token, body: { name: 'Phone' } }), 401, 'unauthorized');
    });
  });

  describe('DELETE /me/authenticators/{id}', () => {
    it('answers 204 and the authenticator is gone; without one the password alone signs in again', async () => {
      const user = await createTotpUser(server);
      expectStatus(await api.delete(`/me/authenticators/${user.authenticatorId}`, { token: user.token }), 204);
      const me = ok(await api.get('/me', { token: user.token }), 200, MeResponse);
      expect(me.totp.authenticators).toEqual([]);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
      fails(await api.delete(`/me/authenticators/${user.authenticatorId}`, { token: user.token }), 404, 'not_found');
    });

    it("answers 404 not_found for another user's authenticator and leaves it alone", async () => {
      const owner = await createTotpUser(server);
      const other = await createTotpUser(server);
      fails(await api.delete(`/me/authenticators/${owner.authenticatorId}`, { token: other.token }), 404, 'not_found');
      const me = ok(await api.get('/me', { token: owner.token }), 200, MeResponse);
      expect(me.totp.authenticators.map((a) => a.id)).toEqual([owner.authenticatorId]);
    });

    it('needs a session', async () => {
      fails(await api.delete('/me/authenticators/whatever'), 401, 'unauthorized');
    });
  });
});
