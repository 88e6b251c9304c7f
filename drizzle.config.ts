import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from db/schema; they are committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
