/**
 * Loaded with --require into Electron's own installer (the electron package's install.js, its
 * `install-electron` bin) by fetch-electron.ts. Since Electron 42 the installer downloads with
 * @electron/get 5, an ES module (its exports cannot be replaced) that fetches with Node's global
 * fetch: so this wraps fetch, and counts the bytes of the runtime's zip as they arrive, reporting
 * them over the IPC channel. A fetch that fails says its cause (fetch's own message is only
 * "fetch failed"). It changes nothing else the installer does; should the installer stop using
 * fetch, it does nothing and the parent shows the time spent instead.
 */
const original = globalThis.fetch;

/** "getaddrinfo ENOTFOUND github.com", "connect ECONNREFUSED 127.0.0.1:9": what Node says under fetch's "fetch failed". */
function causeOf(error) {
  const cause = error && error.cause;
  if (!cause) return null;
  return cause.message || cause.code || String(cause);
}

if (typeof original === 'function') {
  globalThis.fetch = async (input, init) => {
    let response;
    try {
      response = await original(input, init);
    } catch (error) {
      const cause = causeOf(error);
      if (cause === null || !(error instanceof Error)) throw error;
      throw Object.assign(new TypeError(`${error.message}: ${cause}`), { cause: error.cause });
    }
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input && input.url);
    if (!response.ok || response.body === null || !/\.zip(\?|$)/.test(url) || typeof process.send !== 'function') return response;
    try {
      const length = Number(response.headers.get('content-length'));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      let transferred = 0;
      let reportedAt = 0;
      let pending = null;
      const report = () => {
        pending = null;
        reportedAt = Date.now();
        if (process.connected) process.send({ transferred, total });
      };
      const counted = response.body.pipeThrough(
        new TransformStream({
          transform(chunk, controller) {
            transferred += chunk.byteLength;
            // A few reports a second are enough for a line redrawn once a second; the last count is always sent.
            const wait = 200 - (Date.now() - reportedAt);
            if (wait <= 0) report();
            else if (pending === null) pending = setTimeout(report, wait);
            controller.enqueue(chunk);
          },
          flush() {
            if (pending !== null) clearTimeout(pending);
            report();
          },
        }),
      );
      // The same response (its URL, headers and status), reading through the counter.
      Object.defineProperty(response, 'body', { value: counted });
      return response;
    } catch {
      // Progress is a nicety; the download goes on without it.
      return response;
    }
  };
}
