import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const service = z.looseObject({
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.unknown()).optional(),
  healthcheck: z.looseObject({ test: z.array(z.string()) }).optional(),
});
const composeFile = z.looseObject({ services: z.record(z.string(), service), volumes: z.record(z.string(), z.unknown()).optional() });
const read = (name: string) => composeFile.parse(parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'), { merge: true }));

describe('docker-compose.yml (production-like deployment)', () => {
  const compose = read('docker-compose.yml');
  const svc = (name: string) => {
    const s = compose.services[name];
    if (!s) throw new Error(`no service ${name}`);
    return s;
  };

  it('publishes the bot on the same port it listens on, both from PORT', () => {
    expect(svc('bot').ports).toEqual(['${PORT:-3000}:${PORT:-3000}']);
    expect(svc('bot').environment?.PORT).toBe('${PORT:-3000}');
    expect(svc('bot').healthcheck?.test.join(' ')).toContain('process.env.PORT');
  });

  it('keeps Postgres and Redis inside the compose network', () => {
    expect(svc('postgres').ports).toBeUndefined();
    expect(svc('redis').ports).toBeUndefined();
  });

  it('keeps the group account login QR on a volume for the processes that write or need it', () => {
    for (const name of ['bot', 'groups']) expect(svc(name).volumes).toContain('zcadata:/app/.data');
    expect(compose.volumes).toHaveProperty('zcadata');
  });
});

describe('docker-compose.dev.yml (local development)', () => {
  it('publishes Postgres and Redis on the loopback address only', () => {
    const dev = read('docker-compose.dev.yml');
    expect(dev.services.postgres?.ports).toEqual(['127.0.0.1:5432:5432']);
    expect(dev.services.redis?.ports).toEqual(['127.0.0.1:6379:6379']);
  });
});
