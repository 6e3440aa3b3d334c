import { describe, expect, it } from 'vitest';
import { describeError } from './logger';

describe('describeError', () => {
  it('keeps a failed query but not its bound parameters', () => {
    const error = new Error('Failed query: insert into "users" ("password_hash") values ($1)\nparams: $argon2id$v=19$secret-hash,ada@example.com');
    const described = describeError(error);
    expect(described.detail).toContain('insert into "users"');
    expect(JSON.stringify(described)).not.toContain('secret-hash');
    expect(JSON.stringify(described)).not.toContain('ada@example.com');
  });
});
