import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  array,
  createContext,
  enumOf,
  INVALID,
  type Infer,
  type literal,
  number,
  object,
  optional,
  record,
  refine,
  string,
  union,
} from './index';

const person = object({
  name: string(10, { min: 1 }),
  age: optional(number(0, 150, { int: true })),
  kind: enumOf(['a', 'b'] as const),
  tags: array(string(5), 3),
});

describe('schema combinator', () => {
  it('infers static types, optional keys included', () => {
    type P = Infer<typeof person>;
    expectTypeOf<P>().toEqualTypeOf<{ name: string; kind: 'a' | 'b'; tags: string[]; age?: number }>();
    expectTypeOf<Infer<ReturnType<typeof literal<'x'>>>>().toEqualTypeOf<'x'>();
  });

  it('accepts valid values and rebuilds objects with declared keys only', () => {
    const input = { name: 'Ann', kind: 'a', tags: ['x'], extra: 1, age: 30 };
    const out = person.check(input, createContext());
    expect(out).toEqual({ name: 'Ann', kind: 'a', tags: ['x'], age: 30 });
    expect(out).not.toBe(input);
  });

  it.each([
    [{ name: '', kind: 'a', tags: [] }, 'name', 'shorter'],
    [{ name: 'x'.repeat(11), kind: 'a', tags: [] }, 'name', 'longer'],
    [{ name: 'A', kind: 'c', tags: [] }, 'kind', 'one of'],
    [{ name: 'A', kind: 'a', tags: ['1', '2', '3', '4'] }, 'tags', 'array longer'],
    [{ name: 'A', kind: 'a', tags: [7] }, 'tags[0]', 'string'],
    [{ name: 'A', kind: 'a', tags: [], age: 1.5 }, 'age', 'integer'],
    [{ name: 'A', kind: 'a', tags: [], age: Number.NaN }, 'age', 'finite'],
    [{ name: 'A', kind: 'a' }, 'tags', 'missing'],
    [[], '', 'object'],
  ])('refuses %j at %s', (input, path, issue) => {
    const ctx = createContext();
    expect(person.check(input, ctx)).toBe(INVALID);
    expect(ctx.issuePath).toBe(path);
    expect(ctx.issue).toContain(issue);
  });

  it('never reads inherited properties', () => {
    const proto = { name: 'Inherited', kind: 'a', tags: [] };
    const input = Object.create(proto) as object;
    expect(person.check(input, createContext())).toBe(INVALID);
  });

  it('refuses too many keys', () => {
    const big = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`k${i}`, i]));
    expect(object({}).check(big, createContext())).toBe(INVALID);
  });

  it('records refuse prototype keys and build null-prototype maps', () => {
    const r = record(number(0, 10), { maxKeys: 4 });
    const polluted = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(r.check(polluted, createContext())).toBe(INVALID);
    expect(r.check({ constructor: 1 }, createContext())).toBe(INVALID);
    const ok = r.check({ a: 1 }, createContext());
    expect(ok).not.toBe(INVALID);
    expect(Object.getPrototypeOf(ok)).toBeNull();
  });

  it('union takes the first matching alternative; refine adds rules', () => {
    const u = union(number(0, 1), string(3));
    expect(u.check('ab', createContext())).toBe('ab');
    expect(u.check(true, createContext())).toBe(INVALID);
    const even = refine(number(0, 10), (n) => n % 2 === 0, 'odd');
    const ctx = createContext();
    expect(even.check(3, ctx)).toBe(INVALID);
    expect(ctx.issue).toBe('odd');
  });

  it('refuses schema keys that could pollute prototypes', () => {
    expect(() =>
      object({ ['__proto__']: number(0, 1) } as Record<string, ReturnType<typeof number>>),
    ).toThrow();
  });
});
