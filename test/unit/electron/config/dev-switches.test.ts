import { describe, expect, it } from 'vitest';
import { developmentSwitches } from '../../../../electron/config/dev-switches.js';

const env = {
  STEPGATE_SERVER: 'https://env.example.com',
  STEPGATE_USER_DATA: '/tmp/profile',
  STEPGATE_KEYCHAIN_SERVICE: 'StepgateE2E',
  STEPGATE_POLICY_FILE: '/tmp/profile/policy.json',
};

describe('developmentSwitches', () => {
  it('honours every switch in a development run', () => {
    expect(developmentSwitches({ isPackaged: false, e2eBuild: false, argv: ['.', '--server', 'http://127.0.0.1:4000'], env })).toEqual({
      switches: { serverOverride: 'http://127.0.0.1:4000', userDataDir: '/tmp/profile', keychainService: 'StepgateE2E', policyFile: '/tmp/profile/policy.json' },
      ignored: [],
    });
  });

  it('reads --server=URL, and falls back to STEPGATE_SERVER', () => {
    expect(developmentSwitches({ isPackaged: false, e2eBuild: false, argv: ['--server=https://arg.example.com'], env: {} }).switches.serverOverride).toBe('https://arg.example.com');
    expect(developmentSwitches({ isPackaged: false, e2eBuild: false, argv: [], env }).switches.serverOverride).toBe('https://env.example.com');
    expect(developmentSwitches({ isPackaged: false, e2eBuild: false, argv: [], env: { STEPGATE_SERVER: '' } }).switches.serverOverride).toBeUndefined();
  });

  it('ignores every switch in an installed release, naming each one it ignored', () => {
    expect(developmentSwitches({ isPackaged: true, e2eBuild: false, argv: ['--server', 'https://evil.example.com'], env })).toEqual({
      switches: { serverOverride: undefined, userDataDir: undefined, keychainService: undefined, policyFile: undefined },
      ignored: ['--server', 'STEPGATE_SERVER', 'STEPGATE_USER_DATA', 'STEPGATE_KEYCHAIN_SERVICE', 'STEPGATE_POLICY_FILE'],
    });
  });

  it('honours them in an installed end-to-end build, which opted in when it was built', () => {
    expect(developmentSwitches({ isPackaged: true, e2eBuild: true, argv: [], env }).switches).toEqual({
      serverOverride: 'https://env.example.com',
      userDataDir: '/tmp/profile',
      keychainService: 'StepgateE2E',
      policyFile: '/tmp/profile/policy.json',
    });
  });
});
