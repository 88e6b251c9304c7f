import { loadConfig } from '../bot/config.ts';
import { runMigrations } from '../db/migrate.ts';
import { describeCliFailure } from './lib/cli-failure.ts';

/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */
try {
  const config = loadConfig();
  await runMigrations(config.databaseUrl);
  console.log('migrations applied');
} catch (err) {
  console.error(describeCliFailure(err));
  process.exit(1);
}
