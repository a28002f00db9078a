/**
 * Routes that take no body (logout, new recovery codes, every DELETE) take an empty one under any
 * content type. Nothing is parsed, so nothing could be refused: the only effect of refusing was that
 * a client whose HTTP library labels an empty POST (axios says form-encoded, some wrappers say JSON)
 * could never sign out, and its session lived on. A body with anything in it still meets the JSON
 * parser and the schema, and is refused as before. Cookie requests still need the CSRF token.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify';
import { NoBody } from '../../shared/api/schemas.js';

function isEmpty(request: FastifyRequest): boolean {
  const { headers } = request.raw;
  return headers['transfer-encoding'] === undefined && (headers['content-length'] === undefined || headers['content-length'] === '0');
}

/** Before the body parser: an empty body's content type says nothing, so it is not read. */
function forgetTypeOfEmptyBody(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (isEmpty(request)) delete request.raw.headers['content-type'];
  done();
}

/** onRoute hook: gives every route whose body schema is NoBody the hook above. */
export function acceptEmptyBodyOfAnyType(route: RouteOptions): void {
  if (route.schema?.body !== NoBody) return;
  const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
  route.onRequest = [...own, forgetTypeOfEmptyBody];
}
