import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema/index.ts',
  out: process.env.FANGKONG_MIGRATIONS_OUT ?? './packages/server/drizzle',
});
