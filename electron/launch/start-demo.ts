/**
 * The whole product on one machine: a demo identity provider, the reference server with its demo
 * environment (connected to that provider), then the desktop app pointed at it (or, without an
 * Electron runtime, the browser preview, saying so).
 * Suggested as the body of `npm start`: `tsx electron/launch/start-demo.ts`.
 */
import { spawn } from 'node:child_process';
import { startDemoIdentityProvider } from './demo-identity-provider.js';
import { startDesktop } from './start-desktop.js';

const READY = /Stepgate server listening on (http\S+)/;

const identityProvider = await startDemoIdentityProvider();
const server = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'demo', '--config', identityProvider.configFile], {
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
const code = await startDesktop({ server: origin, fallbackPreview: true });
server.kill('SIGTERM');
await identityProvider.close();
process.exit(code);
