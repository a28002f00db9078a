import { MIGRATIONS as SCHEMA, SQLITE_DIALECT } from '../schema.js';

/** The schema's migrations in SQLite's words (see ../schema.ts). */
export const MIGRATIONS: readonly string[] = SCHEMA.map((migration) => migration(SQLITE_DIALECT));
