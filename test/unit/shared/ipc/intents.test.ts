import { describe, expect, it } from 'vitest';
import { isIntent } from '../../../../shared/ipc/intents.js';

describe('isIntent', () => {
  it('accepts every well-formed intent', () => {
    const good: unknown[] = [
      { type: 'setServer', address: 'https://id.example.com' },
      { type: 'changeServer' },
      { type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: true },
      { type: 'submitCode', code: '123 456' },
      { type: 'submitRecoveryCode', recoveryCode: 'abcd-efgh' },
      { type: 'chooseMethod', method: 'recovery_code' },
      { type: 'cancel' },
      { type: 'startAgain' },
      { type: 'openEnrollment' },
      { type: 'openSettings' },
      { type: 'signOut' },
      { type: 'dismissNotice', notice: 'noKeychain' },
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
      { type: 'submitCode', code: 123456 },
      { type: 'submitCode', code: '1'.repeat(65) },
      { type: 'chooseMethod', method: 'sms' },
      { type: 'openExternal', url: 'https://evil.example' },
    ];
    for (const intent of bad) expect(isIntent(intent), JSON.stringify(intent)).toBe(false);
  });
});
