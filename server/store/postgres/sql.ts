import pg from 'pg';

/** Statements on one connection: each SQL text is prepared once per connection and reused. */
export interface Sql {
  rows<T>(text: string, values?: readonly unknown[]): Promise<T[]>;
  one<T>(text: string, values?: readonly unknown[]): Promise<T | undefined>;
  /** Rows the statement changed. */
  changes(text: string, values?: readonly unknown[]): Promise<number>;
}

const names = new Map<string, string>();
const nameFor = (text: string): string => {
  let name = names.get(text);
  if (name === undefined) {
    name = `stepgate_${names.size}`;
    names.set(text, name);
  }
  return name;
};

export function sqlOn(client: pg.ClientBase): Sql {
  const query = (text: string, values: readonly unknown[] = []) => client.query({ name: nameFor(text), text, values: [...values] });
  return {
    rows: async <T>(text: string, values?: readonly unknown[]) => (await query(text, values)).rows as T[],
    one: async <T>(text: string, values?: readonly unknown[]) => (await query(text, values)).rows[0] as T | undefined,
    changes: async (text, values) => (await query(text, values)).rowCount ?? 0,
  };
}

const INT8 = 20;
/**
 * BIGINT columns hold milliseconds and counts, all far below 2^53: numbers, as the domain expects,
 * rather than the driver's strings.
 */
export const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text'))) as pg.CustomTypesConfig['getTypeParser'],
};
