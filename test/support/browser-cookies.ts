/**
 * A browser as the pages' cookie sessions see it, for the server integration tests: it keeps the cookies
 * a server sets (dropping cleared ones) and sends API requests the way the pages do (cookie, CSRF token,
 * x-stepgate-session: cookie). Cookie paths are not modelled: every cookie goes with every request.
 */
export function browser(origin: string) {
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
  return {
    cookies,
    remember,
    async start(): Promise<void> {
      const res = await fetch(`${origin}/web/csrf`, { headers: { cookie: header() } });
      remember(res);
      csrf = ((await res.json()) as { token: string }).token;
    },
    async api(method: string, path: string, body?: unknown) {
      const res = await fetch(`${origin}/api/v1${path}`, {
        method,
        headers: { cookie: header(), 'x-csrf-token': csrf, 'x-stepgate-session': 'cookie', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const setCookies = remember(res);
      const text = await res.text();
      return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as Record<string, unknown> | undefined, setCookies };
    },
  };
}

export type Browser = ReturnType<typeof browser>;
