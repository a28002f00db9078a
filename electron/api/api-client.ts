/**
 * The v1 API as the desktop client uses it: axios with its fetch adapter, a timeout on every call,
 * and every answer checked against the shared TypeBox schemas before the flow sees it.
 * Inside Electron the caller passes net.fetch, so the system proxy and certificate store apply;
 * in plain Node the adapter falls back to Node's own fetch.
 */
import axios, { type AxiosResponse } from 'axios';
import type { TSchema, Static } from 'typebox';
import Value from 'typebox/value';
import {
  ApiErrorBody,
  InfoResponse,
  LoginResponse,
  MeResponse,
  RecoveryResponse,
  AuthenticatedResponse,
  CodeAcceptedResponse,
  HandoffResponse,
  type HandoffPath,
  type LoginRequest,
  type RecoveryRequest,
  type SsoExchangeRequest,
  type TotpRequest,
} from '../../shared/api/schemas.js';
import { fail, ok, type ApiResult } from './api-result.js';
import { classifyTransportError } from './classify-transport-error.js';

export type FetchLike = (input: URL | Request | string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Server origin, e.g. https://id.example.com */
  readonly origin: string;
  readonly timeoutMs?: number;
  /** Electron passes net.fetch; omitted in plain Node. */
  readonly fetch?: FetchLike;
  /** Where a proxy's demand for a sign-in (407) is written, for IT support; never with a secret. */
  readonly log?: (message: string) => void;
}

export interface ApiClient {
  readonly origin: string;
  info(): Promise<ApiResult<Static<typeof InfoResponse>>>;
  login(request: LoginRequest): Promise<ApiResult<Static<typeof LoginResponse>>>;
  verifyTotp(request: TotpRequest): Promise<ApiResult<CodeAcceptedResponse>>;
  verifyRecoveryCode(request: RecoveryRequest): Promise<ApiResult<Static<typeof RecoveryResponse>>>;
  /** POST /auth/sso/exchange: a browser sign-in's one-time result code and the app's PKCE verifier, for the session. */
  exchangeSsoResult(request: SsoExchangeRequest): Promise<ApiResult<Static<typeof AuthenticatedResponse>>>;
  me(token: string): Promise<ApiResult<Static<typeof MeResponse>>>;
  logout(token: string): Promise<ApiResult<null>>;
  /** A one-time address that signs the browser in as this session, at `next` (docs/api.md). */
  handoff(token: string, next: HandoffPath): Promise<ApiResult<HandoffResponse>>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The answer's Date header beside its result: the flow compares it with this computer's clock. */
function withServerDate<T>(result: ApiResult<T>, response: AxiosResponse<unknown>): ApiResult<T> {
  const header: unknown = response.headers['date'];
  const serverDate = typeof header === 'string' ? Date.parse(header) : Number.NaN;
  return Number.isFinite(serverDate) ? { ...result, serverDate } : result;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const http = axios.create({
    baseURL: `${options.origin.replace(/\/+$/, '')}/api/v1`,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    adapter: 'fetch',
    ...(options.fetch === undefined ? {} : { env: { fetch: options.fetch } }),
    headers: { Accept: 'application/json' },
    // Every status is an answer to interpret here, not an exception.
    validateStatus: () => true,
    // Timeouts surface as ETIMEDOUT rather than the generic ECONNABORTED.
    transitional: { clarifyTimeoutError: true },
    maxRedirects: 0,
  });

  const proxyAuth = <T>(): ApiResult<T> => {
    options.log?.(`a proxy asked for a sign-in (HTTP 407) on the way to ${options.origin}; nothing reached the server`);
    return fail({ kind: 'proxyAuth' });
  };

  /** Sends a request; a transport failure becomes a failure kind instead of an exception. */
  async function send(request: () => Promise<AxiosResponse<unknown>>): Promise<ApiResult<AxiosResponse<unknown>>> {
    try {
      return ok(await request());
    } catch (error) {
      const failure = classifyTransportError(error);
      return failure.kind === 'proxyAuth' ? proxyAuth() : fail(failure);
    }
  }

  function errorOf<T>({ status, data }: AxiosResponse<unknown>): ApiResult<T> {
    // A proxy that forwards plain HTTP answers 407 itself; the server never does.
    if (status === 407) return proxyAuth();
    if (!Value.Check(ApiErrorBody, data)) return fail({ kind: 'unexpected', detail: `status ${status} without an error body` });
    const { code, attemptsRemaining, retryAfter, reason } = data.error;
    return fail({
      kind: 'api',
      code,
      ...(attemptsRemaining === undefined ? {} : { attemptsRemaining }),
      ...(retryAfter === undefined ? {} : { retryAfter }),
      ...(reason === undefined ? {} : { reason }),
    });
  }

  const isSuccess = (status: number) => status >= 200 && status < 300;

  async function expectJson<S extends TSchema>(schema: S, request: () => Promise<AxiosResponse<unknown>>): Promise<ApiResult<Static<S>>> {
    const sent = await send(request);
    if (!sent.ok) return sent;
    const response = sent.value;
    const result: ApiResult<Static<S>> = !isSuccess(response.status)
      ? errorOf(response)
      : Value.Check(schema, response.data)
        ? ok(response.data as Static<S>)
        : fail({ kind: 'unexpected', detail: `status ${response.status}: answer does not match the schema` });
    return withServerDate(result, response);
  }

  async function expectNoContent(request: () => Promise<AxiosResponse<unknown>>): Promise<ApiResult<null>> {
    const sent = await send(request);
    if (!sent.ok) return sent;
    const response = sent.value;
    if (!isSuccess(response.status)) return errorOf(response);
    return response.status === 204 ? ok(null) : fail({ kind: 'unexpected', detail: `status ${response.status} instead of 204` });
  }

  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  /**
   * A request that carries nothing says no type: axios would label an empty POST form-encoded, which the
   * server refuses (its API takes JSON only), so a sign-out would never reach it.
   */
  const bearerWithoutBody = (token: string) => ({ headers: { Authorization: `Bearer ${token}`, 'Content-Type': false } });

  return {
    origin: options.origin,
    info: () => expectJson(InfoResponse, () => http.get('/info')),
    login: (body) => expectJson(LoginResponse, () => http.post('/auth/login', body)),
    verifyTotp: (body) => expectJson(CodeAcceptedResponse, () => http.post('/auth/totp', body)),
    verifyRecoveryCode: (body) => expectJson(RecoveryResponse, () => http.post('/auth/recovery', body)),
    exchangeSsoResult: (body) => expectJson(AuthenticatedResponse, () => http.post('/auth/sso/exchange', body)),
    me: (token) => expectJson(MeResponse, () => http.get('/me', bearer(token))),
    logout: (token) => expectNoContent(() => http.post('/auth/logout', undefined, bearerWithoutBody(token))),
    handoff: (token, next) => expectJson(HandoffResponse, () => http.post('/auth/handoff', { next }, bearer(token))),
  };
}
