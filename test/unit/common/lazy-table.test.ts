import { describe, expect, it } from 'vitest';
import { lazyTable } from '../../../common/lazy-table';
import { requestSchemas } from '../../../common/api';

describe('lazyTable', () => {
  it('makes a value at the first read of its key only, once, and lists every key', () => {
    const made: string[] = [];
    const table = lazyTable({
      a: () => (made.push('a'), { n: 1 }),
      b: () => (made.push('b'), { n: 2 }),
    });
    expect(Object.keys(table)).toEqual(['a', 'b']);
    expect(made).toEqual([]);
    const first = table.a;
    expect(table.a).toBe(first);
    expect(made).toEqual(['a']);
    expect(table.b.n).toBe(2);
    expect(made).toEqual(['a', 'b']);
  });

  it('cannot be overwritten once made (a request schema is not replaceable at run time)', () => {
    const table = lazyTable({ a: () => 1 });
    expect(table.a).toBe(1);
    expect(() => {
      (table as { a: number }).a = 2;
    }).toThrow(TypeError);
  });

  it('requestSchemas still validate (one schema read does not need the others)', () => {
    expect(requestSchemas.getJob.safeParse({ jobId: 'abc-1' }).success).toBe(true);
    expect(requestSchemas.getJob.safeParse({ jobId: 'a b' }).success).toBe(false);
  });
});
