/**
 * The app:// protocol's answers as a function of the request and a file reader, so what a page can
 * and cannot load is tested without Electron: built renderer files with their type and the page
 * security headers; 404 for anything outside the renderer, of a type it does not produce, or missing.
 */
import { PAGE_SECURITY_HEADERS } from '../security/content-security-policy.js';
import { resolveAppPath } from './app-path.js';
import { contentTypeOf } from './content-types.js';

export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string | null;
}

/** Resolves the file's bytes, or null when there is no such file. */
export type ReadAppFile = (path: string) => Promise<Uint8Array | null>;

const text = (status: number, body: string): AppResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PAGE_SECURITY_HEADERS }, body });

export async function appResponse(root: string, request: { readonly url: string; readonly method: string }, readFile: ReadAppFile): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
  const file = resolveAppPath(root, request.url);
  const type = file === null ? undefined : contentTypeOf(file);
  if (file === null || type === undefined) return text(404, 'Not found');
  const bytes = await readFile(file);
  if (bytes === null) return text(404, 'Not found');
  return { status: 200, headers: { 'Content-Type': type, ...PAGE_SECURITY_HEADERS }, body: request.method === 'HEAD' ? null : bytes };
}
