import { like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column LIKE '<path>%'` for any of the caller's subtrees; no subtree means no rows. */
export function underAnyPath(column: AnyPgColumn, paths: readonly string[]): SQL {
  return paths.length > 0 ? (or(...paths.map((path) => like(column, `${path}%`))) as SQL) : sql`false`;
}
