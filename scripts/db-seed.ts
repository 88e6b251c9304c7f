import { loadConfig } from '../bot/config.ts';
import { createDb } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedDemoActivity } from './lib/seed-demo-activity.ts';
import { demoCommune, seedDemoCommune } from '../db/seed-demo-commune.ts';
import { describeCliFailure } from './lib/cli-failure.ts';

/**
 * `npm run db:seed`: migrates if needed, then creates (or leaves as is) the demo commune `demo-xa`
 * and five weeks of its teams' reports up to today.
 */
try {
  const config = loadConfig();
  // Seeding needs the current schema; applying migrations first is a no-op when it is there.
  await runMigrations(config.databaseUrl);
  const { db, close } = createDb(config.databaseUrl);
  try {
    const { communeId } = await seedDemoCommune(db);
    const activity = await seedDemoActivity(db, { today: new Date() });
    console.log(`demo commune ${demoCommune.commune.code} ready (id ${communeId}, ${demoCommune.villages.length} villages, ${activity.reports} new demo reports)`);
  } finally {
    await close();
  }
} catch (err) {
  console.error(describeCliFailure(err));
  process.exit(1);
}
