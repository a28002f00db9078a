/** The diagnostics as IT support reads them, in both languages. */
import { describe, expect, it } from 'vitest';
import { diagnosticsText } from '../../../../shared/diagnostics/diagnostics-lines.js';
import type { Diagnostics } from '../../../../shared/ipc/diagnostics.js';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';

const report: Diagnostics = {
  version: '1.2.3',
  runtime: 'win32 x64, Electron 39.2.0',
  collectedAt: '2026-11-24T08:00:00.000Z',
  server: {
    url: 'https://id.example.com',
    origin: 'policy',
    proxy: { kind: 'resolved', rule: 'PROXY proxy.example.com:3128; DIRECT' },
    certificate: { kind: 'certificate', issuer: 'CN=Contoso Proxy CA, O=Contoso', subject: 'CN=id.example.com', validTo: '2027-01-01T00:00:00.000Z' },
    clock: { kind: 'offset', seconds: -125 },
  },
  policySources: [
    { source: 'HKLM\\Software\\Policies\\Stepgate\\Stepgate', outcome: { kind: 'values', keys: ['serverUrl', 'allowKeepSignedIn'], ignored: ['ServerURL2'] } },
    { source: 'HKCU\\Software\\Policies\\Stepgate\\Stepgate', outcome: { kind: 'absent' } },
  ],
  keychain: { kind: 'available' },
  logFile: 'C:\\Users\\ada\\AppData\\Roaming\\Stepgate\\logs\\stepgate.log',
};

describe('diagnosticsText', () => {
  it('writes one labelled line per fact, in English', () => {
    expect(diagnosticsText(report, en)).toBe(
      [
        'Stepgate diagnostics',
        'Version: 1.2.3',
        'Runs on: win32 x64, Electron 39.2.0',
        'Collected: 2026-11-24T08:00:00.000Z',
        'Server: https://id.example.com',
        'Server address from: policy',
        'Proxy: PROXY proxy.example.com:3128; DIRECT',
        'Server certificate: issued by CN=Contoso Proxy CA, O=Contoso, to CN=id.example.com, valid until 2027-01-01T00:00:00.000Z',
        'Clock: this computer is 125 seconds ahead of the server',
        'Policy: HKLM\\Software\\Policies\\Stepgate\\Stepgate: sets serverUrl, allowKeepSignedIn; ignored: ServerURL2',
        'Policy: HKCU\\Software\\Policies\\Stepgate\\Stepgate: not present',
        'Keychain: available',
        'Log file: C:\\Users\\ada\\AppData\\Roaming\\Stepgate\\logs\\stepgate.log',
        '',
      ].join('\n'),
    );
  });

  it('says what the preview and failed probes come to, in Finnish', () => {
    const text = diagnosticsText(
      {
        ...report,
        server: {
          url: 'http://127.0.0.1:4000',
          origin: 'developmentSwitch',
          proxy: { kind: 'direct', unusedEnvironmentProxy: 'http://proxy.example.com:3128' },
          certificate: { kind: 'notTls' },
          clock: { kind: 'failed', cause: 'no answer in time' },
        },
        policySources: [{ source: '/etc/stepgate/policy.json', outcome: { kind: 'unreadable', cause: 'could not be read (EACCES)' } }],
        keychain: { kind: 'unavailable', cause: 'noModule' },
        logFile: null,
      },
      fi,
    );
    expect(text).toContain('Palvelimen osoitteen lähde: kehitysvalitsin (--server tai STEPGATE_SERVER)');
    expect(text).toContain('Välityspalvelin: suora yhteys (ympäristömuuttujissa on välityspalvelin http://proxy.example.com:3128, mutta tämä prosessi ei käytä sitä)');
    expect(text).toContain('Palvelimen varmenne: ei TLS:ää');
    expect(text).toContain('Kello: ei tiedossa: no answer in time');
    expect(text).toContain('Käytäntö: /etc/stepgate/policy.json: ei luettavissa: could not be read (EACCES)');
    expect(text).toContain('Lokitiedosto: ei ole');
  });

  it('counts a second either way as in step, and names the direction beyond it', () => {
    const clock = (seconds: number) => diagnosticsText({ ...report, server: report.server === null ? null : { ...report.server, clock: { kind: 'offset', seconds } } }, en);
    expect(clock(1)).toContain('Clock: in step with the server (within a second)');
    expect(clock(-1)).toContain('Clock: in step with the server');
    expect(clock(2)).toContain('Clock: this computer is 2 seconds behind the server');
    expect(clock(-61)).toContain('Clock: this computer is 61 seconds ahead of the server');
  });

  it('says when there is no server yet and no policy source', () => {
    const text = diagnosticsText({ ...report, server: null, policySources: [] }, en);
    expect(text).toContain('Server: none yet\n');
    expect(text).not.toContain('Proxy:');
    expect(text).toContain('Policy: no policy source read');
  });
});
