/** Copying gives the clipboard the report the person saw, as text in the app's language. */
import { describe, expect, it } from 'vitest';
import { diagnosticsService } from '../../../../electron/diagnostics/diagnostics-service.js';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';

function setUp(messages = en) {
  let server: string | null = 'https://id.example.com';
  let measured = 0;
  const copied: string[] = [];
  const service = diagnosticsService({
    facts: { version: '1.2.3', runtime: 'test', sources: [], policySources: [], keychain: { kind: 'unavailable', cause: 'noModule' }, logFile: null },
    probes: {
      resolveProxy: async () => ({ kind: 'resolved', rule: 'DIRECT' }),
      readCertificate: async () => ({ kind: 'notTls' }),
      measureClock: async () => ({ kind: 'offset', seconds: ++measured * 10 }),
    },
    currentServer: () => server,
    messages,
    writeClipboard: (text) => void copied.push(text),
  });
  return { service, copied, moveTo: (url: string) => (server = url) };
}

describe('diagnosticsService', () => {
  it('copies the report last collected, not a new measurement', async () => {
    const { service, copied } = setUp();
    await service.collect();
    await service.copy();
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('Clock: this computer is 10 seconds behind the server');
  });

  it('collects afresh when there is no report yet or the server changed since', async () => {
    const { service, copied, moveTo } = setUp();
    await service.copy();
    expect(copied[0]).toContain('Server: https://id.example.com');
    moveTo('https://other.example.com');
    await service.copy();
    expect(copied[1]).toContain('Server: https://other.example.com');
    expect(copied[1]).toContain('20 seconds behind');
  });

  it('copies in the language the app speaks', async () => {
    const { service, copied } = setUp(fi);
    await service.copy();
    expect(copied[0]?.split('\n')[0]).toBe('Stepgaten vianmääritystiedot');
    expect(copied[0]).toContain('Avainnippu: ei käytettävissä');
  });
});
