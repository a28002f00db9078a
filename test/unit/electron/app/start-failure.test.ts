import { describe, expect, it } from 'vitest';
import { startFailureLogLine, startFailureText } from '../../../../electron/app/start-failure.js';

const HKLM = 'HKLM\\Software\\Policies\\Stepgate\\Stepgate';

describe('startFailureText', () => {
  it('names the policy source, the cause, who to ask and where the log is', () => {
    const text = startFailureText({ kind: 'config', failure: { source: HKLM, policy: true, cause: 'the key exists but could not be opened (RegOpenKeyExW: Access is denied. (Windows error 5))' } }, 'C:\\Users\\ada\\AppData\\Roaming\\Stepgate\\logs\\stepgate.log');
    expect(text.title).toBe('Stepgate cannot start');
    expect(text.message).toContain(`Where: ${HKLM}`);
    expect(text.message).toContain('Why: the key exists but could not be opened (RegOpenKeyExW: Access is denied. (Windows error 5))');
    expect(text.message).toContain('IT department');
    expect(text.message).toContain('Details are in the log: C:\\Users\\ada\\AppData\\Roaming\\Stepgate\\logs\\stepgate.log');
  });

  it('tells a person how to mend their own settings file', () => {
    const text = startFailureText({ kind: 'config', failure: { source: '/home/ada/.config/Stepgate/settings.json', policy: false, cause: 'is not valid JSON (Unexpected end of JSON input)' } }, null);
    expect(text.message).toContain('Fix or delete that file');
    expect(text.message).not.toContain('log');
  });

  it('says a broken installation is one, and logs one line', () => {
    expect(startFailureText({ kind: 'preload', cause: 'Unable to load preload script' }, null)).toEqual({
      title: 'Stepgate stopped',
      message: 'Part of Stepgate did not load (Unable to load preload script). Reinstalling Stepgate should fix this.',
    });
    expect(startFailureLogLine({ kind: 'config', failure: { source: HKLM, policy: true, cause: 'x' } })).toBe(`cannot start: policy ${HKLM} x`);
  });

  it('names the refused remote-control switches and where they came from, in the box and in the log', () => {
    const failure = {
      kind: 'remoteControl' as const,
      switches: [
        { name: '--remote-debugging-port', kind: 'remote debugging' as const, source: 'command line' as const },
        { name: '--inspect', kind: 'Node inspector' as const, source: 'NODE_OPTIONS' as const },
      ],
    };
    const text = startFailureText(failure, '/home/ada/.config/Stepgate/logs/stepgate.log');
    expect(text.title).toBe('Stepgate cannot start');
    expect(text.message).toContain('Switches: --remote-debugging-port (command line), --inspect (NODE_OPTIONS)');
    expect(text.message).toContain('IT department');
    expect(text.message).toContain('Details are in the log: /home/ada/.config/Stepgate/logs/stepgate.log');
    expect(startFailureLogLine(failure)).toBe('cannot start: remote control switches are refused in release builds: --remote-debugging-port (command line), --inspect (NODE_OPTIONS)');
  });
});
