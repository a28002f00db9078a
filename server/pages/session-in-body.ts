/**
 * For cookie sessions the token travels only in the HttpOnly cookie: it is taken out of the answer
 * (left as an empty string, so the body keeps its shape) and handed to the cookie instead.
 */
export interface MovedSession {
  readonly token: string;
  readonly body: string;
}

const SESSION_FIELDS = ['session', 'enrollmentSession'] as const;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An answer's JSON body as an object; undefined for anything else (an answer these hooks leave alone). */
export function parseObject(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const body: unknown = JSON.parse(payload);
    return isRecord(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

export function takeSessionToken(json: string): MovedSession | undefined {
  const body = parseObject(json);
  if (body === undefined) return undefined;
  for (const field of SESSION_FIELDS) {
    const session = body[field];
    if (isRecord(session) && typeof session['token'] === 'string' && session['token'] !== '') {
      return { token: session['token'], body: JSON.stringify({ ...body, [field]: { ...session, token: '' } }) };
    }
  }
  return undefined;
}
