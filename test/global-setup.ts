import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { runMigrations } from '../db/migrate.ts';
import { adminUrl, deleteRedisPrefix, dropDatabasesWithPrefix, newTestRunId, runDatabasePrefix, runQueuePrefix, templateDatabaseName, testDatabaseBaseUrl, testRedisUrl } from './helpers/test-services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    templateDatabase: string;
    databaseBaseUrl: string;
    redisUrl: string;
  }
}

/**
 * Once per run: build a migrated template database. Each test file then clones it into a database
 * of its own (fast, isolated, parallel-safe) and uses a BullMQ prefix of its own. Every name carries
 * the run's id, and the teardown drops whatever the run left, so runs can share a server.
 */
export default async function setup(project: TestProject) {
  const base = testDatabaseBaseUrl();
  const runId = newTestRunId();
  const template = templateDatabaseName(base, runId);
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  try {
    await admin.query(`create database "${template}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(base);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  project.provide('runId', runId);
  project.provide('templateDatabase', template);
  project.provide('databaseBaseUrl', base);
  project.provide('redisUrl', testRedisUrl());

  return async function teardown() {
    await dropDatabasesWithPrefix(base, runDatabasePrefix(base, runId));
    await deleteRedisPrefix(testRedisUrl(), `${runQueuePrefix(runId)}-`);
    // Hash-tagged prefixes (TEST_QUEUE_HASH_TAG=1, test/integration/queue-hash-tag.test.ts) start with the brace.
    await deleteRedisPrefix(testRedisUrl(), `{${runQueuePrefix(runId)}-`);
  };
}
