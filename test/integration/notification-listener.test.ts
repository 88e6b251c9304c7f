import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { listenForNotifications } from '../../db/listen.ts';
import type { NotificationListener } from '../../db/listen.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';
import { waitFor } from '../helpers/wait-for.ts';

const channel = 'listener_test';
let database: TestDatabase;
let admin: pg.Client;
const listeners: NotificationListener[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterEach(async () => {
  for (const l of listeners.splice(0)) await l.close();
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

/** Each NOTIFY is its own committed transaction: delivered, if at all, in this order. */
const notify = (payload: string) => admin.query('select pg_notify($1, $2)', [channel, payload]);

async function listen(): Promise<{ listener: NotificationListener; received: string[]; listenings: () => number }> {
  const received: string[] = [];
  let listenings = 0;
  const listener = listenForNotifications({ url: database.url, channel, onNotify: (p) => received.push(p), onListening: () => (listenings += 1), onLost: () => undefined, retryMaxMs: 250 });
  listeners.push(listener);
  await waitFor(() => listenings > 0, { what: 'LISTEN in place' });
  return { listener, received, listenings: () => listenings };
}

describe('the notification listener', () => {
  it('is told nothing while paused, and everything committed once resume has resolved', async () => {
    const { listener, received } = await listen();
    await notify('before');
    await waitFor(() => received.includes('before'), { what: 'the first notification' });
    await listener.pause();
    await notify('paused-1');
    await notify('paused-2');
    await listener.resume();
    await notify('after');
    await waitFor(() => received.includes('after'), { what: 'the notification after resume' });
    expect(received).toEqual(['before', 'after']);
  });

  it('resolves resume at once while already listening, and pausing twice is one pause', async () => {
    const { listener, received } = await listen();
    await listener.resume();
    void listener.pause();
    await listener.pause();
    await notify('missed');
    await listener.resume();
    await notify('one');
    await waitFor(() => received.length > 0, { what: 'the notification' });
    expect(received).toEqual(['one']);
  });

  it('listens again on a new connection after the old one was lost, even if it was paused', async () => {
    const { listener, received, listenings } = await listen();
    await listener.pause();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    await waitFor(() => listenings() > 1, { what: 'LISTEN on a new connection' });
    await notify('after reconnect');
    await waitFor(() => received.includes('after reconnect'), { what: 'the notification on the new connection' });
  });
});
