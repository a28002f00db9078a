/**
 * "Don't ask for a code on this computer": what the server calls this computer, how many days the
 * code window offers, and which kept tokens may be sent. Pure, so main, the preview and tests agree.
 */
import { TRUSTED_COMPUTER_NAME_MAX, TrustedComputerToken } from '../../shared/api/schemas.js';
import Value from 'typebox/value';

const SYSTEM_NAMES: Readonly<Partial<Record<NodeJS.Platform, string>>> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

/** The first characters of `text` whose UTF-16 length is at most `max`, never half a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const character of text) {
    if (out.length + character.length > max) break;
    out += character;
  }
  return out;
}

/**
 * "Windows - LAPTOP-42", "macOS - Adas-MacBook", "Linux - build-07": how the person recognises this
 * computer in their list of trusted computers. At most 64 characters, none of them control
 * characters (the server refuses both); without a host name, the system's name alone.
 */
export function trustedComputerName(platform: NodeJS.Platform, hostname: string): string {
  const system = SYSTEM_NAMES[platform] ?? platform;
  const host = hostname.replace(/\p{Cc}/gu, '').trim();
  return truncate(host === '' ? system : `${system} - ${host}`, TRUSTED_COMPUTER_NAME_MAX).trimEnd();
}

/** What may skip the code here: policy (`AllowTrustedComputer`, `TrustedComputerDays`) and a keychain to keep the token in. */
export interface TrustPolicy {
  /** Policy allows it and the keychain can keep a token. */
  readonly allowed: boolean;
  /** Policy's most days; null: the server's. */
  readonly maxDays: number | null;
}

/** The days the code window offers: the lower of policy's and the server's; null when either says no. */
export function offeredTrustDays(policy: TrustPolicy, serverDays: number): number | null {
  if (!policy.allowed) return null;
  const days = Math.min(serverDays, policy.maxDays ?? serverDays);
  return days > 0 ? days : null;
}

/** A kept token the server would accept the shape of; anything else is deleted rather than sent, as it would fail the sign-in. */
export function isSendableToken(token: string): boolean {
  return Value.Check(TrustedComputerToken, token);
}
