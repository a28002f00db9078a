/**
 * Why a choice the app offers only sometimes is not offered, in a sentence: the kit's calls that
 * were asked to make the choice fail with it at once instead of waiting for a control that is not there.
 */
import type { AppProbe } from '../app/app-probe.js';

const NO_KEYCHAIN =
  'this computer has no keychain the app can use (on Linux: no Secret Service is running; docs/testing.md, "The system keychain", shows how to start one for the run)';

async function keychainReason(probe: AppProbe): Promise<string | null> {
  if (probe.launchOptions.keychain === false) return 'the app was launched with `keychain: false`, as on a computer without a keychain';
  return (await probe.keychainAvailable().catch(() => true)) ? null : NO_KEYCHAIN;
}

/** Why "Don't ask for a code on this computer" is missing from the code window. */
export async function whyTrustNotOffered(probe: AppProbe): Promise<string> {
  const keychain = await keychainReason(probe);
  if (keychain !== null) return keychain;
  if (probe.launchOptions.policy?.['allowTrustedComputer'] === false) return 'the launch\'s policy says `allowTrustedComputer: false`';
  if (probe.launchOptions.policy?.['trustedComputerDays'] === 0) return 'the launch\'s policy says `trustedComputerDays: 0`';
  return 'the sign-in server does not offer it (its administrator set the trusted-computer days to 0) or the computer\'s own policy forbids it';
}

/** Why "Keep me signed in" is missing from the login window. */
export async function whyKeepSignedInNotOffered(probe: AppProbe): Promise<string> {
  const keychain = await keychainReason(probe);
  if (keychain !== null) return keychain;
  if (probe.launchOptions.policy?.['allowKeepSignedIn'] === false) return 'the launch\'s policy says `allowKeepSignedIn: false`';
  return 'policy forbids remembering sessions on this computer';
}
