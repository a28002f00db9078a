/**
 * The server certificate as a direct TLS connection from this process meets it: who issued it, for
 * whom, until when. Corporate TLS inspection shows here as an issuer that is not the server's own
 * certificate authority. Only read, never trusted: the handshake is closed without a byte sent, and
 * the app's own requests keep verifying certificates as before.
 */
import type { PeerCertificate } from 'node:tls';
import { connect } from 'node:tls';
import { isIP } from 'node:net';
import type { CertificateReport } from '../../shared/ipc/diagnostics.js';
import { causeOf } from './probe-cause.js';

/** "CN=Example CA, O=Example, C=FI": the parts IT support recognises, most specific first. */
export function distinguishedName(name: PeerCertificate['issuer'] | undefined): string {
  if (name === undefined) return '';
  const parts: string[] = [];
  for (const key of ['CN', 'OU', 'O', 'L', 'ST', 'C'] as const) {
    const value = (name as unknown as Record<string, string | string[] | undefined>)[key];
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) parts.push(`${key}=${one}`);
  }
  return parts.join(', ');
}

export function readCertificate(serverUrl: string, timeoutMs: number): Promise<CertificateReport> {
  const url = new URL(serverUrl);
  if (url.protocol === 'http:') return Promise.resolve({ kind: 'notTls' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port === '' ? 443 : Number(url.port);
  return new Promise((resolve) => {
    const socket = connect({ host, port, ...(isIP(host) === 0 ? { servername: host } : {}), rejectUnauthorized: false, timeout: timeoutMs });
    const finish = (report: CertificateReport) => {
      socket.destroy();
      resolve(report);
    };
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      if (Object.keys(certificate).length === 0) return finish({ kind: 'failed', cause: 'the server sent no certificate' });
      finish({ kind: 'certificate', issuer: distinguishedName(certificate.issuer), subject: distinguishedName(certificate.subject), validTo: new Date(certificate.valid_to).toISOString() });
    });
    socket.once('timeout', () => finish({ kind: 'failed', cause: 'no answer in time' }));
    socket.once('error', (error) => finish({ kind: 'failed', cause: causeOf(error) }));
  });
}
