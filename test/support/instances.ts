/**
 * Several server processes on one PostgreSQL database, as an organisation runs them behind a load
 * balancer: the built command line (cli-server.ts), each with a data folder of its own, all with the
 * same encryption key (a key file) and the same settings file, all on the same fresh database. The
 * test itself is the operator: it opens the same database to make accounts, without the API.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from 'otpauth';
import { inject } from 'vitest';
import { makeConfig, type ConfigOverrides } from '../../server/config.js';
import { addConfirmedAuthenticator } from '../../server/enrollment/enrollment.js';
import { openData, type OpenedData } from '../../server/server.js';
import { startCliServer, type CliServer } from './cli-server.js';
import { createTestDatabase, type TestDatabase } from './postgres-databases.js';
import { uniqueUsername } from './totp.js';

export interface Instances {
  readonly database: TestDatabase;
  /** Running processes, by index; `restart(i)` replaces one. */
  readonly servers: CliServer[];
  start(): Promise<CliServer>;
  restart(index: number): Promise<CliServer>;
  createUser(spec?: { readonly isAdmin?: boolean }): Promise<{ readonly id: string; readonly username: string; readonly password: string }>;
  /** A user with one confirmed authenticator whose current code signs in; its secret in Base32. */
  createTotpUser(): Promise<{ readonly id: string; readonly username: string; readonly password: string; readonly secret: string }>;
  close(): Promise<void>;
}

/** Cheap Argon2 so the suites test ordering rather than hashing; throttling as configured by `settings`. */
export async function startInstances(count: number, settings: ConfigOverrides = {}): Promise<Instances> {
  const cluster = inject('postgres');
  if (cluster === undefined) throw new Error('several instances need the PostgreSQL pass (vitest project "postgres")');
  const root = await mkdtemp(join(tmpdir(), 'stepgate-instances-'));
  const keyFile = join(root, 'shared.key');
  await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  const configFile = join(root, 'settings.json');
  const argon2 = { memoryCost: 8192, timeCost: 1, parallelism: 1 };
  await writeFile(configFile, JSON.stringify({ argon2, ...settings }));
  const database = await createTestDatabase(cluster);
  const operator: OpenedData = await openData(makeConfig(join(root, 'operator'), { database: database.url, keyFile, argon2 }));

  let made = 0;
  const start = async () => {
    made += 1;
    return startCliServer(join(root, `instance-${made}`), ['--database', database.url, '--key-file', keyFile, '--config', configFile]);
  };
  const servers: CliServer[] = [];
  for (let i = 0; i < count; i += 1) servers.push(await start());

  const createUser = async (spec: { readonly isAdmin?: boolean } = {}) => {
    const username = uniqueUsername(spec.isAdmin === true ? 'admin' : 'user');
    const password = `pw-${username}-${randomBytes(6).toString('hex')}`;
    const { id } = await operator.operations.createUser({ username, password, isAdmin: spec.isAdmin ?? false });
    return { id, username, password };
  };
  return {
    database,
    servers,
    start,
    restart: async (index) => {
      await servers[index]?.stop('SIGKILL');
      const server = await start();
      servers[index] = server;
      return server;
    },
    createUser,
    createTotpUser: async () => {
      const user = await createUser();
      const secret = randomBytes(20);
      await addConfirmedAuthenticator(operator.context, user.id, 'Phone', secret);
      return { ...user, secret: new Secret({ buffer: secret.buffer.slice(secret.byteOffset, secret.byteOffset + secret.length) }).base32 };
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.stop('SIGKILL')));
      await operator.store.close();
      await database.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
