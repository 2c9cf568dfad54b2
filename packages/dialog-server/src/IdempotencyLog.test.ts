import { describe, expect, it } from 'vitest';
import { IdempotencyLog } from './IdempotencyLog';

describe('IdempotencyLog', () => {
  it('reports repeats and forgets the oldest ids past its limit', () => {
    const log = new IdempotencyLog(3);
    expect(['a', 'b', 'a', 'c'].map((id) => log.seen(id))).toEqual([false, false, true, false]);
    expect(log.seen('d')).toBe(false); // 'a' is forgotten now
    expect(log.size).toBe(3);
    expect(log.seen('a')).toBe(false);
    expect(log.seen('d')).toBe(true);
    log.clear();
    expect(log.seen('d')).toBe(false);
  });
});
