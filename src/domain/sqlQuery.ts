/* Lives in domain because both src/sql (builders) and src/db (DDL of the adapters) need it, and neither may import the other. */
/** A SQL statement and the values bound to its `?` placeholders, in order. */
export type SqlValue = string | number | boolean | null;

export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}


/**
 * Quotes an identifier for DuckDB by doubling inner quotes. The only way a name taken from user
 * data (an export's header, a table chosen by the user) may enter SQL text.
 */
export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new Error('Identifier contains a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}


/** Joins fragments (each with its own params) into one query, keeping params in placeholder order. */
export function joinSql(parts: readonly (SqlQuery | string)[], separator = ' '): SqlQuery {
  const texts: string[] = [];
  const params: SqlValue[] = [];
  for (const part of parts) {
    if (typeof part === 'string') texts.push(part);
    else {
      texts.push(part.sql);
      params.push(...part.params);
    }
  }
  return { sql: texts.join(separator), params };
}
