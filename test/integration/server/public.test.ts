/** Public routes: GET /health and GET /info, and what an unknown route answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, HealthResponse, InfoResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok, shape, type ApiClient } from '../../support/http-client.js';

describe('public routes', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.api);
  });
  afterAll(async () => {
    await server.close();
  });

  it('GET /health answers 200 {"status":"ok"} as JSON without a token', async () => {
    const res = await api.get('/health');
    expect(ok(res, 200, HealthResponse)).toEqual({ status: 'ok' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('GET /info describes the environment without a token', async () => {
    await server.setEnvironment({ name: 'Acme Test', totpEnabled: true });
    const info = ok(await api.get('/info'), 200, InfoResponse);
    expect(info.environment).toBe('Acme Test');
    expect(info.totp).toEqual({ enabled: true });
    expect(info.sso).toEqual({ enabled: false, requiredForAll: false, providers: [] });
  });

  it('GET /info gives absolute enrollment and settings URLs on the server', async () => {
    const info = ok(await api.get('/info'), 200, InfoResponse);
    const enrollment = new URL(info.enrollmentUrl);
    const settings = new URL(info.settingsUrl);
    expect(enrollment.origin).toBe(server.url);
    expect(settings.origin).toBe(server.url);
    expect(enrollment.pathname).toMatch(/enroll/);
  });

  it('GET /info follows the environment switch at once', async () => {
    await server.setEnvironment({ totpEnabled: false });
    expect(ok(await api.get('/info'), 200, InfoResponse).totp.enabled).toBe(false);
    await server.setEnvironment({ totpEnabled: true });
    expect(ok(await api.get('/info'), 200, InfoResponse).totp.enabled).toBe(true);
  });

  it('an unknown API route answers 404 not_found with the error body of api.md', async () => {
    const res = await api.get('/no-such-route');
    fails(res, 404, 'not_found');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('an unknown method on a known route answers a 4xx error body, never a 5xx', async () => {
    const res = await api.call('PUT', '/health');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    shape(ApiErrorBody, res.body, 'PUT /health');
  });

  it('answers carry no stack trace or server file paths', async () => {
    for (const res of [await api.get('/no-such-route'), await api.call('PUT', '/health'), await api.get('/info')]) {
      expect(res.text).not.toMatch(/\.ts:\d+|node_modules|\n\s+at /);
    }
  });
});
