/**
 * Every refusal, whoever makes it (a route, a schema, the body parser, the router, a plugin such as the
 * static file server), becomes one answer: api.md's error body under /api/v1, a short plain text
 * elsewhere. Neither repeats the address or any input, and only a server fault is logged as an error.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorCode } from '../../shared/api/errors.js';
import { API_ERROR_STATUS } from '../../shared/api/errors.js';
import { invalidRequest, notFound, Refusal } from '../refusal.js';
import { isApiTarget } from './api-path.js';
import { validationFields, type AjvIssue } from './validation-fields.js';

const BODY_ERRORS: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'is empty but the content type says JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'must be sent as application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'has a wrong Content-Length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'is too large',
};

/** A plugin's refusal, by its status, as the API's code for it; any other 4xx is the request's fault. */
const REFUSALS: Readonly<Record<number, readonly [ApiErrorCode, string]>> = {
  401: ['unauthorized', 'Your session has ended. Sign in again.'],
  403: ['forbidden', 'This is not allowed.'],
  404: ['not_found', 'There is nothing at this address.'],
};

type FrameworkError = FastifyError & { readonly validation?: readonly AjvIssue[]; readonly validationContext?: string };

/** The 4xx status a non-API error carries (set by Fastify or a plugin), if it carries one. */
function clientStatus(error: FrameworkError): number | undefined {
  const status = error.statusCode;
  return status !== undefined && status >= 400 && status < 500 ? status : undefined;
}

/** What the client is told: a refusal as it is, anything else by what Fastify or the plugin says it was. */
export function toRefusal(error: FrameworkError): Refusal {
  if (error instanceof Refusal) return error;
  if (error.validation !== undefined) return invalidRequest(validationFields(error.validation, error.validationContext ?? 'body'));
  const bodyReason = error.code === undefined ? undefined : BODY_ERRORS[error.code];
  if (bodyReason !== undefined) return invalidRequest({ body: bodyReason });
  if (error instanceof SyntaxError) return invalidRequest({ body: 'is not valid' });
  const status = clientStatus(error);
  if (status === undefined) return new Refusal('internal_error', 'Something went wrong on the server. Try again later.');
  const refusal = REFUSALS[status];
  return refusal === undefined ? invalidRequest({ request: 'is not valid' }) : new Refusal(refusal[0], refusal[1]);
}

export interface RefusalBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string } & Refusal['details'];
}

/** Sets the refusal's status (and Retry-After when it says when) and gives api.md's error body to send. */
function refusalBody(refusal: Refusal, reply: FastifyReply): RefusalBody {
  if (refusal.details.retryAfter !== undefined) void reply.header('retry-after', String(refusal.details.retryAfter));
  void reply.code(API_ERROR_STATUS[refusal.code]);
  return { error: { code: refusal.code, message: refusal.message, ...refusal.details } };
}

/** api.md's error body, with the code's status (and Retry-After when the refusal says when). */
export function sendRefusal(refusal: Refusal, reply: FastifyReply): FastifyReply {
  return reply.send(refusalBody(refusal, reply));
}

/**
 * A route's answer that may be a refusal the domain returned: its error body (with its status set) or the
 * 200 body, returned rather than sent, so Fastify sends it once: a route that sent it itself and returned
 * nothing would be answered a second time while the answer's asynchronous onSend hooks still ran.
 */
export async function answer<T>(reply: FastifyReply, pending: Promise<T | Refusal>): Promise<T | RefusalBody> {
  const result = await pending;
  return result instanceof Refusal ? refusalBody(result, reply) : result;
}

/** The status's own reason phrase and nothing else: nothing of the request comes back. */
export function sendPlain(reply: FastifyReply, status: number, retryAfter?: number): FastifyReply {
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  return reply.code(status).header('x-content-type-options', 'nosniff').type('text/plain; charset=utf-8').send(`${STATUS_CODES[status] ?? 'Error'}\n`);
}

export const isApiRequest = (request: FastifyRequest): boolean => isApiTarget(request.url);

// The handlers below return nothing: a reply returned from them is a thenable, which Fastify would wait
// on with stream listeners for every refusal.

export function handleError(error: FrameworkError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = toRefusal(error);
  const status = API_ERROR_STATUS[refusal.code];
  if (status >= 500) request.log.error({ err: { type: error.name, code: error.code } }, 'request failed');
  if (isApiRequest(request)) void sendRefusal(refusal, reply);
  else void sendPlain(reply, error instanceof Refusal ? status : (clientStatus(error) ?? status), refusal.details.retryAfter);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  if (isApiRequest(request)) void sendRefusal(notFound('There is nothing at this address.'), reply);
  else void sendPlain(reply, 404);
}

/**
 * The router's own refusals, before any route: a path that is not valid percent-encoding, or a path
 * parameter longer than the router takes.
 */
export function handleRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (!isApiRequest(request)) {
    void sendPlain(reply, 400);
    return;
  }
  void sendRefusal(invalidRequest({ path: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'is too long' : 'is not a valid address' }), reply);
}
