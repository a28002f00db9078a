import { describe, expect, it } from 'vitest';
import { safeNext, signInUrl } from '../../../shared/pages/page-paths.js';
import { cookiePolicy, isLoopbackHost } from '../../../server/pages/cookie-policy.js';
import { csrfTokens } from '../../../server/pages/csrf-tokens.js';
import { decidePage } from '../../../server/pages/page-access.js';
import { pageCsp } from '../../../server/pages/page-csp.js';
import { takeSessionToken } from '../../../server/pages/session-in-body.js';
import { keyGroups } from '../../../renderer/web/pages/key-groups.js';

describe('cookiePolicy', () => {
  it('drops Secure (and the __Host- prefix) only for plain http on loopback', () => {
    expect(cookiePolicy('http://127.0.0.1:4000')).toEqual({ secure: false, sessionName: 'stepgate_session', csrfName: 'stepgate_csrf' });
    expect(cookiePolicy('http://[::1]:4000').secure).toBe(false);
    expect(cookiePolicy('https://id.example.com')).toEqual({ secure: true, sessionName: '__Host-stepgate_session', csrfName: '__Host-stepgate_csrf' });
    expect(cookiePolicy('http://id.example.com').secure).toBe(true);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('127.example.com')).toBe(false);
  });
});

describe('pageCsp', () => {
  it('allows only self scripts, nothing inline or eval, and upgrades requests only over https', () => {
    const loopback = pageCsp(false);
    expect(loopback).toContain("script-src 'self'");
    expect(loopback).not.toMatch(/unsafe-(inline|eval)/);
    expect(loopback).not.toContain('upgrade-insecure-requests');
    expect(pageCsp(true)).toContain('upgrade-insecure-requests');
  });
});

describe('csrfTokens', () => {
  const csrf = csrfTokens(Buffer.alloc(32, 7));
  it('accepts the token of the cookie secret and nothing else', () => {
    const secret = csrf.newSecret();
    expect(csrf.verify(secret, csrf.tokenFor(secret))).toBe(true);
    expect(csrf.verify(secret, csrf.tokenFor(csrf.newSecret()))).toBe(false);
    expect(csrf.verify(undefined, csrf.tokenFor(secret))).toBe(false);
    expect(csrf.verify(secret, undefined)).toBe(false);
    expect(csrf.verify(secret, 'short')).toBe(false);
  });
  it('derives tokens from the server key, so another server’s tokens fail', () => {
    const secret = csrf.newSecret();
    expect(csrfTokens(Buffer.alloc(32, 8)).verify(secret, csrf.tokenFor(secret))).toBe(false);
  });
});

describe('takeSessionToken', () => {
  it('moves the token of session or enrollmentSession out of the body, keeping its shape', () => {
    const body = { status: 'authenticated', session: { token: 'sgs_x', expiresAt: 't', user: { id: 'u' } } };
    const moved = takeSessionToken(JSON.stringify(body));
    expect(moved?.token).toBe('sgs_x');
    expect(JSON.parse(moved?.body ?? '')).toEqual({ ...body, session: { ...body.session, token: '' } });
    expect(takeSessionToken(JSON.stringify({ status: 'enrollment_required', enrollmentSession: { token: 'sgs_y' } }))?.token).toBe('sgs_y');
    expect(takeSessionToken(JSON.stringify({ status: 'totp_required', challenge: {} }))).toBeUndefined();
    expect(takeSessionToken('not json')).toBeUndefined();
  });
});

describe('decidePage', () => {
  it('sends people without a session to sign in and back, and keeps non-admins out of /admin', () => {
    expect(decidePage('/settings', { kind: 'none' }, signInUrl)).toEqual({ kind: 'redirect', to: '/signin?next=%2Fsettings' });
    // A session cookie that no longer works: the sign-in page says the session ended, not why to sign in.
    expect(decidePage('/enroll', { kind: 'none' }, signInUrl, true)).toEqual({ kind: 'redirect', to: '/signin?next=%2Fenroll&ended=1' });
    expect(decidePage('/settings', { kind: 'enrollment', isAdmin: false }, signInUrl)).toEqual({ kind: 'redirect', to: '/enroll' });
    expect(decidePage('/enroll', { kind: 'enrollment', isAdmin: false }, signInUrl)).toEqual({ kind: 'serve', status: 200 });
    expect(decidePage('/admin', { kind: 'full', isAdmin: false }, signInUrl)).toEqual({ kind: 'serve', status: 403 });
    expect(decidePage('/admin', { kind: 'full', isAdmin: true }, signInUrl)).toEqual({ kind: 'serve', status: 200 });
  });
});

describe('safeNext', () => {
  it('only ever leads to the pages themselves', () => {
    expect(safeNext('/admin')).toBe('/admin');
    expect(safeNext('https://evil.example')).toBeUndefined();
    expect(safeNext('//evil.example')).toBeUndefined();
    expect(safeNext(null)).toBeUndefined();
  });
});

describe('keyGroups', () => {
  it('splits a key into groups of four', () => {
    expect(keyGroups('JBSWY3DPEHPK3PXPAB')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'AB']);
  });
});
