/**
 * A tiny HTTP client on node:http for the integration tests: real requests over loopback, no mocks.
 * `localAddress` picks the source address (Linux routes all of 127/8 to lo), so tests can act
 * from several client addresses against a server bound to 127.0.0.1.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import Value from 'typebox/value';
import type { Static, TSchema } from 'typebox';
import { ApiErrorBody } from '../../shared/api/schemas.js';
import type { ApiErrorCode } from '../../shared/api/errors.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface CallOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Source address of the connection, e.g. 127.0.0.2. */
  readonly localAddress?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent byte for byte; `Content-Type` defaults to application/json unless `headers` set it. */
  readonly rawBody?: string | Buffer;
}

export interface CallResult {
  readonly method: Method;
  readonly url: string;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when the answer is JSON, undefined when empty, otherwise the text. */
  readonly body: unknown;
  readonly text: string;
}

export function call(method: Method, url: string, options: CallOptions = {}): Promise<CallResult> {
  const target = new URL(url);
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: Buffer | undefined;
  if (options.rawBody !== undefined) {
    payload = Buffer.isBuffer(options.rawBody) ? options.rawBody : Buffer.from(options.rawBody, 'utf8');
    headers['content-type'] = 'application/json';
  } else if (options.body !== undefined) {
    payload = Buffer.from(JSON.stringify(options.body), 'utf8');
    headers['content-type'] = 'application/json';
  }
  if (payload !== undefined) headers['content-length'] = String(payload.length);
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;

  return new Promise<CallResult>((resolve, reject) => {
    const req = request(
      {
        method,
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers,
        agent: false,
        ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const type = res.headers['content-type'] ?? '';
          let body: unknown = text.length === 0 ? undefined : text;
          if (text.length > 0 && type.includes('json')) {
            try {
              body = JSON.parse(text) as unknown;
            } catch {
              body = text;
            }
          }
          resolve({ method, url, status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** `call` bound to an API base such as `server.api`. */
export interface ApiClient {
  readonly base: string;
  call(method: Method, path: string, options?: CallOptions): Promise<CallResult>;
  get(path: string, options?: CallOptions): Promise<CallResult>;
  post(path: string, options?: CallOptions): Promise<CallResult>;
  patch(path: string, options?: CallOptions): Promise<CallResult>;
  delete(path: string, options?: CallOptions): Promise<CallResult>;
}

export function apiClient(base: string): ApiClient {
  const at = (method: Method) => (path: string, options?: CallOptions) => call(method, `${base}${path}`, options);
  return {
    base,
    call: (method, path, options) => call(method, `${base}${path}`, options),
    get: at('GET'),
    post: at('POST'),
    patch: at('PATCH'),
    delete: at('DELETE'),
  };
}

/** Short description of an answer for failure messages: "POST /api/v1/auth/login -> 401 {...}". */
export function describeCall(res: CallResult): string {
  const path = new URL(res.url).pathname + new URL(res.url).search;
  const text = res.text.length > 600 ? `${res.text.slice(0, 600)}...` : res.text;
  return `${res.method} ${path} -> ${res.status} ${text}`;
}

/** Checks `value` against a TypeBox schema and returns it typed; throws with every mismatch otherwise. */
export function shape<S extends TSchema>(schema: S, value: unknown, what = 'value'): Static<S> {
  if (Value.Check(schema, value)) return value as Static<S>;
  const problems = [...Value.Errors(schema, value)]
    .slice(0, 8)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ');
  throw new Error(`${what} does not match the schema: ${problems}\n${JSON.stringify(value)}`);
}

/** Asserts the status and returns the body checked against the schema. */
export function ok<S extends TSchema>(res: CallResult, status: number, schema: S): Static<S> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${describeCall(res)}`);
  return shape(schema, res.body, describeCall(res));
}

export type ApiErrorDetail = ApiErrorBody['error'];

/** Asserts an error answer: status, `error.code`, and the error body shape of api.md. */
export function fails(res: CallResult, status: number, code: ApiErrorCode): ApiErrorDetail {
  const error = Value.Check(ApiErrorBody, res.body) ? (res.body as ApiErrorBody).error : undefined;
  if (res.status !== status || error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${describeCall(res)}`);
  }
  return shape(ApiErrorBody, res.body, describeCall(res)).error;
}

/** `retryAfter` of a 429, 0 for any other answer. */
export function retryAfterOf(res: CallResult): number {
  return res.status === 429 ? Number((res.body as { error: { retryAfter: number } }).error.retryAfter) : 0;
}

/** Asserts `status` with no particular body, e.g. 204. */
export function expectStatus(res: CallResult, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${describeCall(res)}`);
}
