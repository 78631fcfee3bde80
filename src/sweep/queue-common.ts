/**
 * Shared settings of the distributed mode: the Redis connection from a redis:// URL, the queue
 * name, and job options (the job id is the point id, so a point is queued once per Redis).
 */

/** Default BullMQ queue name shared by `qmcsim sweep --queue` and `qmcsim worker`. */
export const DEFAULT_QUEUE_NAME = 'qmcsim-points';

/** ioredis connection options parsed from `redis://[user:pass@]host:port[/db]`. */
export interface RedisConnection {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  maxRetriesPerRequest: null;
}

/** Parses a redis:// URL; throws an Error naming the URL and what was expected. */
export function parseRedisUrl(url: string): RedisConnection {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue: expected a URL such as redis://127.0.0.1:6379, found '${url}'`);
  }
  if (u.protocol !== 'redis:') throw new Error(`--queue: expected a redis:// URL, found '${url}'`);
  const conn: RedisConnection = { host: u.hostname || '127.0.0.1', port: u.port === '' ? 6379 : Number(u.port), maxRetriesPerRequest: null };
  const db = u.pathname.replace(/^\//, '');
  if (db !== '') {
    if (!/^\d+$/.test(db)) throw new Error(`--queue: expected a database number after the port, found '/${db}'`);
    conn.db = Number(db);
  }
  if (u.username !== '') conn.username = decodeURIComponent(u.username);
  if (u.password !== '') conn.password = decodeURIComponent(u.password);
  return conn;
}

/** Attempts per point: a worker that dies mid-point has its point retried by another. */
export const JOB_ATTEMPTS = 5;
