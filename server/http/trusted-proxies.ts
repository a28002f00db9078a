/**
 * Which peers' X-Forwarded-For entries are believed. A client writes whatever it likes into that header,
 * and a proxy that appends keeps it in front of the address it saw, so only the entries written by the
 * proxies the operator names count: the client address is the one the last of them saw (the framework
 * walks the header from the end, stopping at the first address that is not a named proxy). A count of
 * hops is refused: it would trust whichever peer connects, named or not.
 */
import proxyAddr from '@fastify/proxy-addr';

/** Ranges the framework knows by name, besides addresses and CIDR ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** A proxy list that cannot be read: the server does not start with it. */
export class TrustedProxiesError extends Error {
  override readonly name = 'TrustedProxiesError';
}

function entryProblem(entry: string): string | undefined {
  if (/^[0-9]+$/.test(entry)) {
    return `"${entry}" is a count of proxies, which would trust whichever peer connects; name the proxies' addresses or range instead`;
  }
  try {
    proxyAddr.compile(entry);
    return undefined;
  } catch {
    return `"${entry}" is not an IP address, a CIDR range such as 10.0.0.0/8, or one of ${RANGE_NAMES.join(', ')}`;
  }
}

/** Checks the named proxies; the first entry that is not one is named in the error. */
export function checkTrustedProxies(entries: readonly string[], setting: string): readonly string[] {
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem !== undefined) throw new TrustedProxiesError(`${setting}: ${problem}`);
  }
  return entries;
}

/** `--trust-proxy`'s comma-separated list, checked. */
export function parseTrustedProxies(value: string, setting: string): readonly string[] {
  return checkTrustedProxies(
    value.split(',').map((entry) => entry.trim()),
    setting,
  );
}

/** The framework's `trustProxy` option: the named proxies, or none trusted at all. */
export function frameworkTrustProxy(entries: readonly string[]): false | string[] {
  return entries.length === 0 ? false : [...checkTrustedProxies(entries, 'trustProxy')];
}
