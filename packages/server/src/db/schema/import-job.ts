import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';

export interface ImportRowError {
  row: number;
  column: string;
  field: string;
  code: string;
  message: string;
}

/** A bulk import's progress: the UI polls it; re-sending the same file resumes after `processed`. */
export const importJob = pgTable(
  'import_job',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name'),
    /** running → done | failed */
    status: text('status').notNull().default('running'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    existing: integer('existing').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('import_job_hash_idx').on(t.kind, t.fileHash)],
);
