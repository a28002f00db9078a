import { describe, expect, it } from 'vitest';
import { isIntent } from '../../../../shared/ipc/intents.js';

describe('isIntent', () => {
  it('accepts every well-formed intent', () => {
    const good: unknown[] = [
      { type: 'setServer', address: 'https://id.example.com' },
      { type: 'changeServer' },
      { type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: true },
      { type: 'submitCode', code: '123 456', trustComputer: false },
      { type: 'submitRecoveryCode', recoveryCode: 'abcd-efgh', trustComputer: true },
      { type: 'chooseMethod', method: 'recovery_code' },
      { type: 'cancel' },
      { type: 'startAgain' },
      { type: 'openEnrollment' },
      { type: 'openSettings' },
      { type: 'signOut' },
      { type: 'dismissNotice', notice: 'noKeychain' },
      { type: 'dismissNotice', notice: 'trustedComputerNotKept' },
    ];
    for (const intent of good) expect(isIntent(intent), JSON.stringify(intent)).toBe(true);
  });

  it('refuses unknown types, extra fields and ill-typed values', () => {
    const bad: unknown[] = [
      null,
      'cancel',
      { type: 'deleteEverything' },
      { type: 'cancel', extra: 1 },
      { type: 'submitCredentials', username: 'ada', password: '', keepSignedIn: true },
      { type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: 'yes' },
      { type: 'submitCode', code: 123456, trustComputer: false },
      // The renderer says whether the box was ticked; it never names the computer or the days itself.
      { type: 'submitCode', code: '123456' },
      { type: 'submitCode', code: '123456', trustComputer: 'yes' },
      { type: 'submitCode', code: '123456', trustComputer: { name: 'Windows - EVIL', days: 365 } },
      { type: 'submitRecoveryCode', recoveryCode: 'abcd-efgh', trustComputer: true, days: 365 },
      { type: 'dismissNotice', notice: 'everything' },
      { type: 'submitCode', code: '1'.repeat(65), trustComputer: false },
      { type: 'chooseMethod', method: 'sms' },
      { type: 'openExternal', url: 'https://evil.example' },
    ];
    for (const intent of bad) expect(isIntent(intent), JSON.stringify(intent)).toBe(false);
  });
});
