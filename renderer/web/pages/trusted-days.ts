/** The environment's trusted-computer days as an administrator types them. */
import { TRUSTED_COMPUTER_DAYS_MAX } from '../../../shared/api/schemas.js';

/** Whole days from 0 (off) to the most the server takes; null for anything else. */
export function parseTrustedDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days <= TRUSTED_COMPUTER_DAYS_MAX ? days : null;
}
