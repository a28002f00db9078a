/**
 * Every refusal, whoever makes it (a route, a schema, the body parser, the router, a plugin such as the
 * static file server), becomes one answer: api.md's error body under /api/v1, a short plain text
 * elsewhere. Neither repeats the address or any input, and only a server fault is logged as an error.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorCode } from '../../shared/api/errors.js';
import { ApiError, invalidRequest } from './api-error.js';
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

export function toApiError(error: FrameworkError): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation !== undefined) return invalidRequest(validationFields(error.validation, error.validationContext ?? 'body'));
  const bodyReason = error.code === undefined ? undefined : BODY_ERRORS[error.code];
  if (bodyReason !== undefined) return invalidRequest({ body: bodyReason });
  if (error instanceof SyntaxError) return invalidRequest({ body: 'is not valid' });
  const status = clientStatus(error);
  if (status === undefined) return new ApiError('internal_error', 'Something went wrong on the server. Try again later.');
  const refusal = REFUSALS[status];
  return refusal === undefined ? invalidRequest({ request: 'is not valid' }) : new ApiError(refusal[0], refusal[1]);
}

export function sendError(error: ApiError, reply: FastifyReply): FastifyReply {
  if (error.details.retryAfter !== undefined) void reply.header('Retry-After', String(error.details.retryAfter));
  return reply.code(error.status).send({ error: { code: error.code, message: error.message, ...error.details } });
}

/** The status's own reason phrase and nothing else: nothing of the request comes back. */
export function sendPlain(reply: FastifyReply, status: number, retryAfter?: number): FastifyReply {
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  return reply.code(status).type('text/plain; charset=utf-8').send(`${STATUS_CODES[status] ?? 'Error'}\n`);
}

export const isApiRequest = (request: FastifyRequest): boolean => isApiTarget(request.url);

export function handleError(error: FrameworkError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiError = toApiError(error);
  if (apiError.status >= 500) request.log.error({ err: { type: error.name, code: error.code } }, 'request failed');
  if (isApiRequest(request)) return sendError(apiError, reply);
  const status = error instanceof ApiError ? error.status : (clientStatus(error) ?? apiError.status);
  return sendPlain(reply, status, apiError.details.retryAfter);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return isApiRequest(request) ? sendError(new ApiError('not_found', 'There is nothing at this address.'), reply) : sendPlain(reply, 404);
}

/**
 * The router's own refusals, before any route: a path that is not valid percent-encoding, or a path
 * parameter longer than the router takes.
 */
export function handleRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!isApiRequest(request)) return sendPlain(reply, 400);
  return sendError(invalidRequest({ path: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'is too long' : 'is not a valid address' }), reply);
}
