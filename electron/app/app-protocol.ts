/**
 * Serves the built renderer from app://stepgate/ instead of file://, so pages get a real origin,
 * a CSP header, and no access to the rest of the file system. The answers are app-response.ts's.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-path.js';
import { appResponse, type ReadAppFile } from './app-response.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps compiled renderer code between window opens, so the code window appears fast.
    // corsEnabled: module scripts are always fetched in CORS mode, even from their own origin.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Missing files (and folders) are null, so they answer 404; any other read failure is a real fault. */
const readRendererFile: ReadAppFile = async (path) => {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
};

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appResponse(root, request, readRendererFile);
    return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
  });
}
