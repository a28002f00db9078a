/** The clock probe against the real server on loopback, and against servers that answer badly or not at all. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureClockOffset } from '../../../../electron/diagnostics/clock-offset.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const probe = (skewMs: number) => ({ fetch, now: () => Date.now() + skewMs, timeoutMs: 5_000 });

async function listening(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const s = createServer(handler);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

describe('measureClockOffset', () => {
  it('finds this computer in step with a server on the same clock', async () => {
    const report = await measureClockOffset(probe(0), server.url);
    if (report.kind !== 'offset') throw new Error(JSON.stringify(report));
    expect(Math.abs(report.seconds)).toBeLessThanOrEqual(1);
  });

  it('finds a computer two minutes fast: the server is 120 seconds behind it', async () => {
    const report = await measureClockOffset(probe(120_000), server.url);
    if (report.kind !== 'offset') throw new Error(JSON.stringify(report));
    expect(report.seconds).toBeGreaterThanOrEqual(-121);
    expect(report.seconds).toBeLessThanOrEqual(-119);
  });

  it('finds a computer five minutes slow: the server is 300 seconds ahead', async () => {
    const report = await measureClockOffset(probe(-300_000), server.url);
    if (report.kind !== 'offset') throw new Error(JSON.stringify(report));
    expect(report.seconds).toBeGreaterThanOrEqual(299);
    expect(report.seconds).toBeLessThanOrEqual(301);
  });

  it('names an answer without a Date header', async () => {
    const bare = await listening((_req, res) => {
      res.sendDate = false;
      res.writeHead(200).end('{}');
    });
    try {
      expect(await measureClockOffset(probe(0), bare.url)).toEqual({ kind: 'failed', cause: 'the server answered 200 without a Date header' });
    } finally {
      bare.server.close();
    }
  });

  it('names a server that cannot be reached', async () => {
    const gone = await listening(() => undefined);
    gone.server.close();
    const report = await measureClockOffset(probe(0), gone.url);
    expect(report).toEqual({ kind: 'failed', cause: expect.stringContaining('ECONNREFUSED') });
  });
});
