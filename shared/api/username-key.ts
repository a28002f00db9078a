/**
 * Usernames are one account regardless of case and Unicode form: the server keys accounts, throttling and
 * the per-account order on this, and the desktop keys what it keeps per account on the same.
 */
export const usernameKey = (username: string): string => username.normalize('NFKC').toLowerCase();
