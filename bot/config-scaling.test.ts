import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

/** The two settings that take a deployment past one machine: QUEUE_PREFIX's hash tag and the read replica. */
describe('QUEUE_PREFIX', () => {
  it.each(['cdt', 'cdt-hue', '{cdt}', 'cdt:{p1}', '{p1}:cdt', 'tinh-a:{q-1}:x', 'a:b'])('accepts %s', (prefix) => {
    expect(parseConfig({ QUEUE_PREFIX: prefix }).queuePrefix).toBe(prefix);
  });

  it('defaults to cdt', () => {
    expect(parseConfig({}).queuePrefix).toBe('cdt');
  });

  it.each([
    ['an empty hash tag', '{}'],
    ['an empty hash tag after a prefix', 'cdt:{}'],
    ['two hash tags', '{a}{b}'],
    ['two hash tags apart', '{a}:{b}'],
    ['a nested brace', '{{a}}'],
    ['an unclosed brace', '{cdt'],
    ['a closing brace alone', 'cdt}'],
    ['a brace inside the tag', '{a{b}'],
    ['upper case', 'CDT'],
    ['upper case inside the tag', '{CDT}'],
    ['a glob character, which would break the key scans', 'cdt*'],
    ['a character class, which would break the key scans', 'cdt[1]'],
    ['a space', 'c dt'],
  ])('refuses %s (%s), naming the variable', (_why, prefix) => {
    expect(() => parseConfig({ QUEUE_PREFIX: prefix })).toThrow(/QUEUE_PREFIX: .*hash tag/);
  });
});

describe('DATABASE_REPLICA_URL', () => {
  it('is unset by default: reads go to the primary', () => {
    expect(parseConfig({}).databaseReplicaUrl).toBeNull();
  });

  it('is read when set, and must be a URL', () => {
    expect(parseConfig({ DATABASE_REPLICA_URL: 'postgres://reader@10.0.0.2:5432/cdt' }).databaseReplicaUrl).toBe('postgres://reader@10.0.0.2:5432/cdt');
    expect(() => parseConfig({ DATABASE_REPLICA_URL: 'not a url' })).toThrow(/DATABASE_REPLICA_URL/);
  });
});

describe('REDIS_CLUSTER_NODES', () => {
  it('is one Redis (at REDIS_URL) when unset, and the listed nodes of a cluster when set', () => {
    expect(parseConfig({}).redisClusterNodes).toBeNull();
    expect(parseConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,redis-2:7001', QUEUE_PREFIX: '{tinh-a}' }).redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-2', port: 7001 },
    ]);
  });

  it('refuses a cluster without a hash tag in QUEUE_PREFIX (every job would fail with CROSSSLOT), and a node without a port', () => {
    expect(() => parseConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000' })).toThrow(/QUEUE_PREFIX: a Redis Cluster .* needs a hash tag/);
    expect(() => parseConfig({ REDIS_CLUSTER_NODES: '10.0.0.1', QUEUE_PREFIX: '{cdt}' })).toThrow(/REDIS_CLUSTER_NODES: host:port/);
  });
});
