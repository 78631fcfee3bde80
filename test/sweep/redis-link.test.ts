/** The one-line causes `qmcsim worker` / `sweep --queue` print when Redis cannot be reached. */
import { describe, expect, it } from 'vitest';
import { describeRedisError } from '../../src/sweep/redis-link.js';

const withCode = (code: string, message = `connect ${code}`): Error => Object.assign(new Error(message), { code });

describe('describeRedisError', () => {
  it.each([
    [withCode('ECONNREFUSED'), 'connection refused'],
    [withCode('ENOTFOUND'), "unknown host 'redis.example'"],
    [withCode('ETIMEDOUT'), 'no answer within 3 s'],
    [withCode('EHOSTUNREACH'), 'host unreachable'],
    [new Error('NOAUTH Authentication required.'), 'the server requires a password (redis://:PASSWORD@HOST:PORT)'],
    [new Error('WRONGPASS invalid username-password pair'), 'wrong user name or password'],
    [new Error('Unknown RESP type 72 "H". Please report this.'), 'the server there does not speak the Redis protocol'],
    [new Error('Connection is closed.'), 'the connection was closed'],
    [new Error('connect ECONNREFUSED 127.0.0.1:1'), 'connection refused'],
  ])('%s → %s', (e, text) => {
    expect(describeRedisError(e, 'redis.example')).toBe(text);
  });
});
