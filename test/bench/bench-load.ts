/**
 * Load runs with autocannon: a fixed number of requests (or seconds), bodies drawn one by one from a source,
 * from 127.0.0.1 or with each connection from an address of its own (bench-addresses.ts).
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bindClient } from './bench-addresses.js';

export interface LoadResult {
  readonly requests: number;
  /**
   * Requests per second: answers over the time from the start to the last answer. (autocannon's own
   * duration ends at its next 1 s sample after the last answer, which made short fixed-count runs look
   * up to a second longer than they were.)
   */
  readonly rps: number;
  /** Milliseconds (autocannon resolves whole milliseconds). */
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  /** CPU time the server process used per request (all its threads), microseconds: steadier than rates on a shared machine. */
  readonly cpuUs: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Exactly this many requests, or ... */
  readonly amount?: number;
  /** ... for this many seconds. */
  readonly seconds?: number;
  /** The next request's JSON body; a fixed one when it is not a function. */
  readonly body: unknown;
  /** The server process, whose CPU time is read before and after. */
  readonly pid: number;
  /**
   * Client addresses: connection i's socket is bound to address i modulo their number, so with as many
   * addresses as connections no two requests in flight share one. Empty or absent: the system's choice.
   */
  readonly localAddresses?: readonly string[];
}

const TICK_MS = 10;

/** User and system time of a process, all threads, in milliseconds (Linux: /proc/PID/stat, in clock ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const next = typeof options.body === 'function' ? (options.body as () => unknown) : () => options.body;
  const fixed = typeof options.body === 'function' ? undefined : JSON.stringify(options.body);
  const addresses = options.localAddresses ?? [];
  let connection = 0;
  const started = performance.now();
  let lastAnswer = started;
  const cpuBefore = cpuMs(options.pid);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    setupClient: (client) => {
      const address = addresses[connection++ % Math.max(1, addresses.length)];
      if (address !== undefined) bindClient(client, address);
      client.on('response', () => {
        lastAnswer = performance.now();
      });
    },
    ...(options.amount === undefined ? { duration: options.seconds ?? 10 } : { amount: options.amount }),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        ...(fixed === undefined ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(next()) }) } : { body: fixed }),
      },
    ],
  });
  const cpuUsed = cpuMs(options.pid) - cpuBefore;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  return {
    requests: result.requests.total,
    rps: result.requests.total / Math.max(0.001, (lastAnswer - started) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    max: result.latency.max,
    statuses,
    errors: result.errors + result.timeouts,
    cpuUs: (cpuUsed * 1000) / Math.max(1, result.requests.total),
  };
}
