/**
 * A browser as the pages' cookie sessions see it, for the server integration tests: it keeps the cookies
 * a server sets (dropping cleared ones) and sends API requests the way the pages do (cookie, CSRF token,
 * x-stepgate-session: cookie). Cookie paths are not modelled: every cookie goes with every request.
 *
 * `origin` is one server, or a function that picks the server of each request, as a load balancer in
 * front of several does (cookies on one host are the browser's whatever the port, as they are behind one
 * balancer address); `served` lists the origin each request went to.
 */
export function browser(origin: string | (() => string)) {
  const next = typeof origin === 'string' ? () => origin : origin;
  const served: string[] = [];
  const cookies = new Map<string, string>();
  let csrf = '';
  const remember = (res: Response): readonly string[] => {
    const set = res.headers.getSetCookie();
    for (const line of set) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return set;
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const send = async (path: string, init: RequestInit) => {
    const to = next();
    served.push(to);
    const res = await fetch(`${to}${path}`, { redirect: 'manual', ...init });
    return { res, setCookies: remember(res) };
  };
  return {
    cookies,
    served,
    remember,
    async start(): Promise<void> {
      const { res } = await send('/web/csrf', { headers: { cookie: header() } });
      csrf = ((await res.json()) as { token: string }).token;
    },
    /** `csrf: false` leaves the token out, as a request another site makes the browser send would. */
    async api(method: string, path: string, body?: unknown, options: { readonly csrf?: boolean } = {}) {
      const { res, setCookies } = await send(`/api/v1${path}`, {
        method,
        headers: {
          cookie: header(),
          ...(options.csrf === false ? {} : { 'x-csrf-token': csrf }),
          'x-stepgate-session': 'cookie',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as Record<string, unknown> | undefined, setCookies };
    },
    /** A page as the address bar asks for it; a redirect is not followed: `location` says where it leads. */
    async page(path: string) {
      const { res } = await send(path, { headers: { cookie: header(), accept: 'text/html' } });
      await res.arrayBuffer();
      return { status: res.status, location: res.headers.get('location') ?? undefined };
    },
  };
}

export type Browser = ReturnType<typeof browser>;
