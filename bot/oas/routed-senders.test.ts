import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../domain/outbox/message-transport.ts';
import type { OaDirectory } from './oa-directory.ts';
import { createRoutedGmfSender, createRoutedOaTransport } from './routed-senders.ts';

/** Postgres went away while the OA list was being read: drizzle's error, with the query and its values. */
const listUnreadable = () => {
  const cause = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  return new Error('Failed query: select "oa_id", "app_secret_enc" from "oa_accounts"\nparams: 3662729599332560487', { cause });
};

const unreadable: OaDirectory = {
  find: () => Promise.reject(listUnreadable()),
  ofApp: () => Promise.reject(listUnreadable()),
  all: () => Promise.reject(listUnreadable()),
  reload: () => Promise.reject(listUnreadable()),
};

describe('routed senders, when the OA list cannot be read', () => {
  const registry = { directory: unreadable, forOa: () => Promise.reject(listUnreadable()) };

  it('make a send a plain retry: nothing reached Zalo, so nothing is in doubt', async () => {
    for (const send of [() => createRoutedOaTransport(registry).send('user-1', { kind: 'text', text: 'xin chào' }, { oaId: '3662729599332560487' }), () => createRoutedGmfSender(registry).send('group-1', { kind: 'text', text: 'xin chào' }, { oaId: null })]) {
      const err: unknown = await send().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(DeliveryError);
      expect(err).toMatchObject({ kind: 'retry', message: 'could not read the OA list: Error: Failed query: [query hidden] (57P01 terminating connection due to administrator command)' });
    }
  });
});
