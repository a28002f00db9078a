/**
 * The whole product on one machine: a demo identity provider, the reference server with its demo
 * environment (connected to that provider), then the desktop app pointed at it (or, without an
 * Electron runtime, the browser preview, saying so).
 * The body of `npm start`, after the pages and the server (dist/server/main.js) are built.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoIdentityProvider } from './demo-identity-provider.js';
import { startDesktop } from './start-desktop.js';

const READY = /Stepgate server listening on (http\S+)/;

const SERVER = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));

const identityProvider = await startDemoIdentityProvider();
const server = spawn(process.execPath, [SERVER, 'demo', '--config', identityProvider.configFile], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const origin = await new Promise<string>((resolve, reject) => {
  let seen = '';
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    seen += chunk.toString();
    const match = READY.exec(seen);
    if (match?.[1] !== undefined) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`the demo server stopped (exit code ${code ?? 'none'})`)));
}).catch(async (error: unknown) => {
  await identityProvider.close();
  throw error;
});
identityProvider.connect(origin);
console.log(identityProvider.instructions);
// The app opens by itself; where it cannot, the preview says its own address last.
console.log(`Browser pages: ${origin}/signin`);
const code = await startDesktop({ server: origin, fallbackPreview: true });
server.kill('SIGTERM');
await identityProvider.close();
process.exit(code);
