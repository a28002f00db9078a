import { join } from 'node:path';
import { NewPassword, Username } from '../../shared/api/schemas.js';
import { makeConfig, type ServerConfig } from '../config.js';
import { PROJECT_DIR } from '../project-dir.js';
import { notFound, Refusal } from '../refusal.js';
import { openData, startServer, type RunningServer } from '../server.js';
import { databaseUrl, parseBoolean, parseCommandLine, parseDays, UsageError, USAGE, type ParsedArgs } from './args.js';
import { defaultDataDir } from './data-dir.js';
import { readPassword } from './read-password.js';

async function serve(config: ServerConfig): Promise<RunningServer> {
  try {
    return await startServer(config);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`Port ${config.port} on ${config.host} is already in use (is Stepgate already running?). Choose another with --port.`);
    }
    throw error;
  }
}

/** The demo's data folder: `npm start` and `npm run server -- demo` keep its accounts here. */
const DEMO_DATA_DIR = join(PROJECT_DIR, '.data', 'demo');

/**
 * Where a command read or wrote, so an operator can tell one data folder from another; when the folder
 * was the default, how to reach the demo's instead (a user made elsewhere cannot sign in there).
 */
function whereLines(location: string, defaulted: boolean): string {
  const lines = [`Data: ${location}`];
  if (defaulted) lines.push(`(the default data folder; the demo started by npm start keeps its data in ${DEMO_DATA_DIR}: add --data "${DEMO_DATA_DIR}" to change the demo)`);
  return lines.join('\n');
}

function stopOnSignal(server: RunningServer): void {
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function run(args: ParsedArgs): Promise<void> {
  const [command, sub, ...rest] = args.positionals;
  // Modules only some commands need are loaded by those commands: the server starts without them.
  const file = args.configFile === undefined ? {} : (await import('./config-file.js')).readConfigFile(args.configFile);
  const database = args.database ?? databaseUrl(process.env['STEPGATE_DATABASE_URL'], '$STEPGATE_DATABASE_URL');
  // A command on the default data folder (no --data, no database URL) is told where the demo's is.
  const defaulted = args.dataDir === undefined && database === undefined;
  const config = (dataDir: string, logRequests: boolean) =>
    makeConfig(args.dataDir ?? dataDir, { ...file, logRequests, database, ...args.overrides, totp: { ...file.totp, ...args.overrides.totp } });

  switch (command) {
    case 'serve': {
      const server = await serve(config(defaultDataDir(), args.logRequests));
      console.log(`Stepgate server listening on ${server.origin}`);
      stopOnSignal(server);
      return;
    }
    case 'demo': {
      const server = await serve(config(DEMO_DATA_DIR, false));
      const { demoInstructions, ensureDemoEnvironment, linkDemoIdentity } = await import('./demo.js');
      const codes = await ensureDemoEnvironment(server.context, server.operations);
      await linkDemoIdentity(server.context, server.operations);
      console.log(await demoInstructions(server.context, server.origin, codes));
      console.log(`Stepgate server listening on ${server.origin}`);
      stopOnSignal(server);
      return;
    }
    case 'user': {
      const username = rest[0];
      if ((sub !== 'create' && sub !== 'set-password') || username === undefined || rest.length > 1) {
        throw new UsageError('Usage: user create USERNAME [--admin] [--totp-required], or user set-password USERNAME');
      }
      const { default: Value } = await import('typebox/value');
      if (!Value.Check(Username, username)) throw new UsageError('USERNAME may hold up to 64 letters, digits and . _ @ -, starting with a letter or digit.');
      const password = await readPassword(process.stdin, process.stderr);
      if (!Value.Check(NewPassword, password)) throw new UsageError('The password must be 8 to 1024 characters long.');
      const data = await openData(config(defaultDataDir(), false));
      try {
        if (sub === 'set-password') {
          const found = await data.store.read((view) => view.users.byUsername(username));
          if (found === undefined) throw notFound(`There is no user ${username}.`);
          await data.operations.setPassword(found.id, password);
          console.log(`Set a new password for ${found.username}; their sessions and trusted computers have ended`);
        } else {
          const user = await data.operations.createUser({ username, password, displayName: args.displayName, isAdmin: args.admin, totpRequired: args.totpRequired });
          console.log(`Created user ${user.username} (${user.id})${user.isAdmin ? ', administrator' : ''}${user.totpRequired ? ', two-factor required' : ''}`);
        }
        console.log(whereLines(data.store.location, defaulted));
      } finally {
        await data.store.close();
      }
      return;
    }
    case 'env': {
      const data = await openData(config(defaultDataDir(), false));
      try {
        if (sub === 'set') {
          const [setting, value] = rest;
          switch (setting) {
            case 'totp-enabled':
              await data.operations.setEnvironment({ totpEnabled: parseBoolean(value, setting) });
              break;
            case 'totp-required-for-all':
              await data.operations.setEnvironment({ totpRequiredForAll: parseBoolean(value, setting) });
              break;
            case 'sso-required-for-all':
              await data.operations.setEnvironment({ ssoRequiredForAll: parseBoolean(value, setting) });
              break;
            case 'trusted-computer-days':
              await data.operations.setEnvironment({ trustedComputerDays: parseDays(value, setting) });
              break;
            case 'name':
              if (value === undefined || value.trim() === '') throw new UsageError('name needs a value');
              await data.operations.setEnvironment({ name: value.trim() });
              break;
            default:
              throw new UsageError(`Unknown setting "${setting ?? ''}": use totp-enabled, totp-required-for-all, sso-required-for-all, trusted-computer-days or name`);
          }
        } else if (sub !== 'show') {
          throw new UsageError('Usage: env set SETTING VALUE, or env show');
        }
        const env = await data.operations.environment();
        console.log(
          [
            `name: ${env.name}`,
            `totp-enabled: ${env.totpEnabled}`,
            `totp-required-for-all: ${env.totpRequiredForAll}`,
            `sso-required-for-all: ${env.ssoRequiredForAll}`,
            `trusted-computer-days: ${env.trustedComputerDays}`,
          ].join('\n'),
        );
        console.log(whereLines(data.store.location, defaulted));
      } finally {
        await data.store.close();
      }
      return;
    }
    case 'sso': {
      const { runSsoCommand } = await import('../sso/sso-command.js');
      const data = await openData(config(defaultDataDir(), false));
      try {
        await runSsoCommand(
          {
            sub,
            rest,
            options: args.sso,
            displayName: args.displayName,
            configFile: args.configFile,
            readSecret: () => readPassword(process.stdin, process.stderr, 'Client secret: '),
            print: (line) => console.log(line),
          },
          data.context,
          data.operations,
        );
        console.log(whereLines(data.store.location, defaulted));
      } finally {
        await data.store.close();
      }
      return;
    }
    default:
      throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
  }
}

try {
  await run(parseCommandLine(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else if (error instanceof Refusal) {
    const fields = error.details.fields === undefined ? '' : ` ${Object.entries(error.details.fields).map(([k, v]) => `${k} ${v}`).join('; ')}`;
    console.error(`${error.message}${fields}`);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
