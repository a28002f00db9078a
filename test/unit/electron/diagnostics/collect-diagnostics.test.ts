/** Collecting: where the server address came from, probes run side by side, a failing or hung probe named, never fatal. */
import { describe, expect, it } from 'vitest';
import { configSource } from '../../../../electron/config/resolve-config.js';
import { collectDiagnostics, serverOrigin, type DiagnosticsFacts, type DiagnosticsProbes } from '../../../../electron/diagnostics/collect-diagnostics.js';

const SERVER = 'https://id.example.com';
const sources = [
  configSource('/etc/stepgate/policy.json', 'policy', undefined),
  configSource('--server / STEPGATE_SERVER', 'commandLine', undefined),
  configSource('settings.json', 'userSettings', { serverUrl: SERVER }),
  configSource('build defaults', 'buildDefaults', { serverUrl: 'https://default.example.com' }),
];

const facts: DiagnosticsFacts = {
  version: '1.2.3',
  runtime: 'linux x64, test',
  sources,
  policySources: [{ source: '/etc/stepgate/policy.json', outcome: { kind: 'absent' } }],
  keychain: { kind: 'available' },
  logFile: '/home/ada/.config/Stepgate/logs/stepgate.log',
};

const working: DiagnosticsProbes = {
  resolveProxy: async () => ({ kind: 'resolved', rule: 'PROXY proxy.example.com:3128' }),
  readCertificate: async () => ({ kind: 'certificate', issuer: 'CN=Contoso CA', subject: 'CN=id.example.com', validTo: '2027-01-01T00:00:00.000Z' }),
  measureClock: async () => ({ kind: 'offset', seconds: -3 }),
};

describe('serverOrigin', () => {
  it('names the highest source that sets the address in use', () => {
    expect(serverOrigin(SERVER, sources)).toBe('userSettings');
    expect(serverOrigin('https://default.example.com', sources.slice(3))).toBe('buildDefaults');
    expect(serverOrigin(SERVER, [configSource('HKLM', 'policy', { serverUrl: SERVER }), ...sources])).toBe('policy');
    expect(serverOrigin('http://127.0.0.1:4000', [configSource('--server', 'commandLine', { serverUrl: 'http://127.0.0.1:4000' })])).toBe('developmentSwitch');
  });

  it('says the person entered it when the address in use is none the sources gave', () => {
    expect(serverOrigin('https://other.example.com', sources)).toBe('enteredNow');
    expect(serverOrigin(SERVER, [])).toBe('enteredNow');
  });
});

describe('collectDiagnostics', () => {
  const at = () => new Date('2026-11-24T08:00:00.000Z');

  it('reports the facts and every probe for the server in use', async () => {
    expect(await collectDiagnostics(facts, working, SERVER, at)).toEqual({
      version: '1.2.3',
      runtime: 'linux x64, test',
      collectedAt: '2026-11-24T08:00:00.000Z',
      server: {
        url: SERVER,
        origin: 'userSettings',
        proxy: { kind: 'resolved', rule: 'PROXY proxy.example.com:3128' },
        certificate: { kind: 'certificate', issuer: 'CN=Contoso CA', subject: 'CN=id.example.com', validTo: '2027-01-01T00:00:00.000Z' },
        clock: { kind: 'offset', seconds: -3 },
      },
      policySources: facts.policySources,
      keychain: { kind: 'available' },
      logFile: facts.logFile,
    });
  });

  it('probes nothing before there is a server', async () => {
    const never = async (): Promise<never> => {
      throw new Error('probed without a server');
    };
    const report = await collectDiagnostics(facts, { resolveProxy: never, readCertificate: never, measureClock: never }, null, at);
    expect(report.server).toBeNull();
  });

  it('names a probe that throws or never answers, and still reports the rest', async () => {
    const report = await collectDiagnostics(
      facts,
      { ...working, resolveProxy: () => Promise.reject(new Error('PAC script failed')), measureClock: () => new Promise(() => undefined) },
      SERVER,
      at,
      50,
    );
    expect(report.server?.proxy).toEqual({ kind: 'failed', cause: 'PAC script failed' });
    expect(report.server?.clock).toEqual({ kind: 'failed', cause: 'no answer in time' });
    expect(report.server?.certificate.kind).toBe('certificate');
  });
});
