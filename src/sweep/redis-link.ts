/**
 * Reaching Redis for the distributed mode (`qmcsim sweep --queue`, `qmcsim worker`): a bounded
 * connect + PING before any BullMQ object exists, and a watcher that reports a connection lost
 * mid-run after a few reconnect attempts. Failures become one-line UserErrors, never stack dumps.
 */
import { Redis } from 'ioredis';
import { UserError } from '../config/errors.js';
import { parseRedisUrl } from './queue-common.js';

/** Time allowed for one TCP connect + handshake (ms). */
export const CONNECT_TIMEOUT_MS = 3000;
/** Reconnect attempts before a dropped connection counts as lost (about 1 + 2 + 3 + 4 + 5 s apart). */
export const RECONNECT_ATTEMPTS = 5;

/** Readable cause of a connection error: 'connection refused', 'unknown host …', … */
export function describeRedisError(e: unknown, host: string): string {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const msg = typeof err?.message === 'string' ? (err.message.split('\n')[0] ?? '') : String(e);
  switch (code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND': return `unknown host '${host}'`;
    case 'EAI_AGAIN': return `host name lookup for '${host}' failed`;
    case 'ETIMEDOUT': return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
    case 'EHOSTUNREACH': case 'ENETUNREACH': return 'host unreachable';
    case 'ECONNRESET': return 'connection reset';
    default:
  }
  if (/NOAUTH/.test(msg)) return 'the server requires a password (redis://:PASSWORD@HOST:PORT)';
  if (/WRONGPASS|invalid password/i.test(msg)) return 'wrong user name or password';
  if (/Unknown RESP type|Protocol error/i.test(msg)) return 'the server there does not speak the Redis protocol';
  if (/ECONNREFUSED/.test(msg)) return 'connection refused';
  if (/Connection is closed/.test(msg)) return 'the connection was closed';
  return msg.replace(/^Error:\s*/, '') || 'unknown error';
}

/** Parses `url` into ioredis options; a malformed URL is a UserError naming the command. */
function options(url: string, who: string): ReturnType<typeof parseRedisUrl> {
  try {
    return parseRedisUrl(url);
  } catch (e) {
    throw new UserError(`${who}: ${(e as Error).message}`);
  }
}

/**
 * Connects to `url` (a few bounded attempts), sends PING and disconnects. Throws a one-line
 * UserError (exit 2) naming the URL and the cause when Redis cannot be reached or the URL is bad.
 */
export async function probeRedis(url: string, who: string): Promise<void> {
  const conn = options(url, who);
  let last: unknown = null;
  const client = new Redis({
    ...conn, lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1,
    enableOfflineQueue: false, retryStrategy: () => null,
  });
  client.on('error', (e: unknown) => { last = e; });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const cause = describeRedisError(last ?? e, conn.host);
    throw new UserError(`${who}: cannot reach Redis at ${url} (${cause}); start redis-server or pass --queue URL`);
  } finally {
    client.disconnect();
  }
}

/** A connection kept open to notice that Redis went away. */
export interface RedisWatch {
  /** Resolves with a one-line reason once the connection is lost for good (never while closed cleanly). */
  readonly lost: Promise<string>;
  close(): void;
}

/**
 * Keeps a connection to `url` open; when it drops and RECONNECT_ATTEMPTS reconnects fail, `lost`
 * resolves with `lost connection to Redis at URL (cause)`. Call probeRedis first.
 */
export function watchRedis(url: string): RedisWatch {
  const conn = parseRedisUrl(url);
  let last: unknown = null;
  let closing = false;
  let report!: (reason: string) => void;
  const lost = new Promise<string>((res) => { report = res; });
  const client = new Redis({
    ...conn, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1, enableOfflineQueue: false,
    retryStrategy: (times: number) => (times > RECONNECT_ATTEMPTS ? null : times * 1000),
  });
  client.on('error', (e: unknown) => { last = e; });
  client.on('ready', () => { last = null; });
  client.on('end', () => {
    if (!closing) report(`lost connection to Redis at ${url} (${describeRedisError(last ?? new Error('Connection is closed'), conn.host)})`);
  });
  return {
    lost,
    close() {
      closing = true;
      client.disconnect();
    },
  };
}
