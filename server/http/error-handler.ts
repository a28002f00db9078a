import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, invalidRequest } from './api-error.js';

interface AjvIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

const BODY_ERRORS: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'is empty but the content type says JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'must be sent as application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'has a wrong Content-Length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'is too large',
};

/** One plain reason per field, worded for a person and free of schema internals. */
function reason(issue: AjvIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed';
    case 'type':
      return `must be ${String(p['type']) === 'integer' ? 'an integer' : `a ${String(p['type'])}`}`;
    case 'pattern':
      return 'has the wrong format';
    case 'minLength':
      return p['limit'] === 1 ? 'must not be empty' : `must be at least ${String(p['limit'])} characters`;
    case 'maxLength':
      return `must be at most ${String(p['limit'])} characters`;
    case 'minProperties':
      return 'must contain at least one change';
    case 'const':
    case 'enum':
    case 'anyOf':
      return 'has a value that is not allowed';
    default:
      return issue.message ?? 'is not valid';
  }
}

function fieldName(issue: AjvIssue, context: string): string {
  const p = issue.params;
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const leaf =
    issue.keyword === 'required' ? p['missingProperty'] : issue.keyword === 'additionalProperties' ? p['additionalProperty'] : undefined;
  const name = [base, typeof leaf === 'string' ? leaf : ''].filter((s) => s !== '').join('.');
  return name === '' ? (context === 'querystring' ? 'query' : context === 'params' ? 'path' : 'body') : name;
}

export function toApiError(error: FastifyError & { validation?: readonly AjvIssue[]; validationContext?: string }): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation !== undefined) {
    const fields: Record<string, string> = {};
    // `if` only repeats what its `then` branch already reported.
    for (const issue of error.validation.filter((i) => i.keyword !== 'if')) {
      const name = fieldName(issue, error.validationContext ?? 'body');
      fields[name] ??= reason(issue);
    }
    return invalidRequest(fields);
  }
  const bodyReason = error.code === undefined ? undefined : BODY_ERRORS[error.code];
  if (bodyReason !== undefined) return invalidRequest({ body: bodyReason });
  if (error instanceof SyntaxError || error.statusCode === 400) return invalidRequest({ body: 'is not valid' });
  return new ApiError('internal_error', 'Something went wrong on the server. Try again later.');
}

export function sendError(error: ApiError, reply: FastifyReply): FastifyReply {
  if (error.details.retryAfter !== undefined) void reply.header('Retry-After', String(error.details.retryAfter));
  return reply.code(error.status).send({ error: { code: error.code, message: error.message, ...error.details } });
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiError = toApiError(error);
  if (apiError.status >= 500) request.log.error({ err: { type: error.name, code: error.code } }, 'request failed');
  return sendError(apiError, reply);
}
