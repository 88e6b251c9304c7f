import { Cluster, Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';

export type RedisClient = Redis | Cluster;

/**
 * `REDIS_CLUSTER_NODES` (host:port, comma separated) means a Redis Cluster: the client learns the
 * other nodes from these. Otherwise one Redis at `REDIS_URL`. Queue keys stay in one slot per
 * deployment only with a hash-tagged QUEUE_PREFIX (config refuses a cluster without one).
 */
export function connectRedis(target: { redisUrl: string; redisClusterNodes: { host: string; port: number }[] | null }, options: RedisOptions): RedisClient {
  if (!target.redisClusterNodes) return new Redis(target.redisUrl, options);
  const { password, username } = new URL(target.redisUrl);
  const auth = { ...(password ? { password: decodeURIComponent(password) } : {}), ...(username ? { username: decodeURIComponent(username) } : {}) };
  return new Cluster(target.redisClusterNodes, {
    redisOptions: { ...options, ...auth },
    // The cluster client's own queue while it learns the slots; commands still fail fast offline when asked to.
    enableOfflineQueue: options.enableOfflineQueue ?? true,
  });
}
