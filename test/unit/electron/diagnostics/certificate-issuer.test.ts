/** The certificate probe against a real TLS server with a certificate made by openssl for the test. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../../electron/diagnostics/certificate-issuer.js';

describe('readCertificate', () => {
  it('says "not TLS" for a plain http server without connecting', async () => {
    expect(await readCertificate('http://127.0.0.1:9', 1_000)).toEqual({ kind: 'notTls' });
  });

  it('names the issuer, subject and expiry of the certificate a https server presents, even one this computer does not trust', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepgate-diagnostics-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/C=FI/O=Contoso Inspection/CN=Contoso Proxy CA', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const report = await readCertificate(`https://127.0.0.1:${(server.address() as AddressInfo).port}`, 5_000);
        if (report.kind !== 'certificate') throw new Error(JSON.stringify(report));
        expect(report.issuer).toBe('CN=Contoso Proxy CA, O=Contoso Inspection, C=FI');
        expect(report.subject).toBe(report.issuer);
        const daysLeft = (Date.parse(report.validTo) - Date.now()) / 86_400_000;
        expect(daysLeft).toBeGreaterThan(1);
        expect(daysLeft).toBeLessThanOrEqual(2);
      } finally {
        server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names why it could not connect', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await readCertificate(`https://127.0.0.1:${port}`, 5_000)).toEqual({ kind: 'failed', cause: expect.stringContaining('ECONNREFUSED') });
  });
});
