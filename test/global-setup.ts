import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { runMigrations } from '../db/migrate.ts';
import { adminUrl, templateDatabaseName, testDatabaseBaseUrl, testRedisUrl } from './helpers/test-services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    databaseBaseUrl: string;
    redisUrl: string;
  }
}

/**
 * Once per run: build a migrated template database. Each test file then clones it into a database
 * of its own (fast, isolated, parallel-safe) and uses a BullMQ prefix of its own.
 */
export default async function setup(project: TestProject) {
  const base = testDatabaseBaseUrl();
  const template = templateDatabaseName(base);
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${template}" with (force)`);
    await admin.query(`create database "${template}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(base);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  project.provide('templateDatabase', template);
  project.provide('databaseBaseUrl', base);
  project.provide('redisUrl', testRedisUrl());
}
