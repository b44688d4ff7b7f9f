import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDatabaseUnavailable } from './database-unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

// Issue 12 "Hardening" (database faults): which errors answer 503 databaseUnavailable rather than 500.
describe('a database that cannot be reached is told apart from a bug', () => {
  it('a refused or cut connection, a server shutting down or starting, no free slot: unavailable', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '53300'])
      assert.equal(isDatabaseUnavailable(withCode(code)), true, code);
    assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
    assert.equal(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')), true);
  });

  it('the driver error wrapped by the query builder (as its cause) is found', () => {
    const wrapped = new Error('Failed query: select 1', {
      cause: withCode('57P01', 'terminating connection due to administrator command'),
    });
    assert.equal(isDatabaseUnavailable(wrapped), true);
  });

  it('a refused statement or a plain bug stays what it is', () => {
    for (const error of [withCode('23505'), withCode('42P01'), new TypeError('undefined is not a function'), 'text', undefined])
      assert.equal(isDatabaseUnavailable(error), false, String(error));
  });
});
