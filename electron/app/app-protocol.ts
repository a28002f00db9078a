/**
 * Serves the built renderer from app://stepgate/ instead of file://, so pages get a real origin,
 * a CSP header, and no access to the rest of the file system.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { PAGE_SECURITY_HEADERS } from '../security/content-security-policy.js';
import { APP_SCHEME, resolveAppPath } from './app-path.js';
import { contentTypeOf } from './content-types.js';

export { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-path.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps compiled renderer code between window opens, so the code window appears fast.
    // corsEnabled: module scripts are always fetched in CORS mode, even from their own origin.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(root, request.url);
    const type = file === null ? undefined : contentTypeOf(file);
    if (file === null || type === undefined) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, { status: 200, headers: { 'Content-Type': type, ...PAGE_SECURITY_HEADERS } });
  });
}
