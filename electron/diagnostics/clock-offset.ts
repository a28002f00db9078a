/**
 * The clock offset to the server, from the Date header of its answer to GET /api/v1/health. A
 * measurement of its own, apart from the sign-in flow, so asking for diagnostics changes nothing
 * the flow does.
 */
import type { ClockReport } from '../../shared/ipc/diagnostics.js';
import type { FetchLike } from '../api/api-client.js';
import { causeOf } from './probe-cause.js';

export interface ClockProbe {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly timeoutMs: number;
}

export async function measureClockOffset(probe: ClockProbe, serverUrl: string): Promise<ClockReport> {
  const sent = probe.now();
  let response: Response;
  try {
    response = await probe.fetch(new URL('/api/v1/health', serverUrl), {
      headers: { Accept: 'application/json' },
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(probe.timeoutMs),
    });
  } catch (error) {
    return { kind: 'failed', cause: causeOf(error) };
  }
  const received = probe.now();
  await response.body?.cancel().catch(() => undefined);
  const date = response.headers.get('date');
  if (date === null) return { kind: 'failed', cause: `the server answered ${response.status} without a Date header` };
  const serverTime = Date.parse(date);
  if (Number.isNaN(serverTime)) return { kind: 'failed', cause: `the server's Date header is not a date (${date.slice(0, 64)})` };
  // The header counts whole seconds: the server's time lies somewhere in that second, so take its middle.
  const offsetMs = serverTime + 500 - (sent + received) / 2;
  return { kind: 'offset', seconds: Math.round(offsetMs / 1000) };
}
