/**
 * A tiny typed schema combinator for wire validation (no dependencies). Every schema both checks an unknown value
 * and yields a static type through {@link Infer}. Objects are rebuilt from their declared keys only, so unknown keys
 * (a newer minor version's optional fields, or hostile ones such as `__proto__`) never reach the result.
 */

/** Returned by {@link Schema.check} when the value is invalid; the issue is left in the context. */
export const INVALID: unique symbol = Symbol('invalid');

/** Where validation failed and why (the first issue wins). */
export interface CheckContext {
  /** Dotted path of the current value. */
  path: string;
  /** The first issue found, '' when none. */
  issue: string;
  /** Dotted path of the first issue. */
  issuePath: string;
}

/** A validator yielding values of type `T`. `Opt` marks an optional object field. */
export interface Schema<T, Opt extends boolean = false> {
  /** Marks an optional object field (type-level and run-time). */
  readonly optional: Opt;
  /** Returns the validated (and freshly built) value, or {@link INVALID} with the issue written to `ctx`. */
  check(value: unknown, ctx: CheckContext): T | typeof INVALID;
}

/** The static type a schema yields. */
export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;

// biome-ignore lint/suspicious/noExplicitAny: schema shapes are heterogeneous; Infer recovers the precise types.
type AnySchema = Schema<any, boolean>;
/** The declared fields of an object schema. */
export type Shape = Readonly<Record<string, AnySchema>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K]['optional'] extends true ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Flatten<T> = { [K in keyof T]: T[K] };
/** The static type of an object schema's shape. */
export type InferShape<S extends Shape> = Flatten<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** Creates a fresh context. */
export function createContext(): CheckContext {
  return { path: '', issue: '', issuePath: '' };
}

/** Records an issue (first one wins) and returns {@link INVALID}. */
export function fail(ctx: CheckContext, issue: string): typeof INVALID {
  if (!ctx.issue) {
    ctx.issue = issue;
    ctx.issuePath = ctx.path;
  }
  return INVALID;
}

function make<T>(check: (value: unknown, ctx: CheckContext) => T | typeof INVALID): Schema<T> {
  return { optional: false, check };
}

/** Options for {@link string}. */
export interface StringOptions {
  /** Minimum length in UTF-16 units (default 0). */
  readonly min?: number;
  /** A pattern the whole string must match. */
  readonly pattern?: RegExp;
}

/** A string of at most `maxLen` UTF-16 units. Wire strings are plain text: UIs must render them as text. */
export function string(maxLen: number, options: StringOptions = {}): Schema<string> {
  const min = options.min ?? 0;
  const pattern = options.pattern;
  return make((v, ctx) => {
    if (typeof v !== 'string') return fail(ctx, 'expected a string');
    if (v.length > maxLen) return fail(ctx, `string longer than ${maxLen}`);
    if (v.length < min) return fail(ctx, `string shorter than ${min}`);
    if (pattern && !pattern.test(v)) return fail(ctx, 'string does not match its pattern');
    return v;
  });
}

/** Options for {@link number}. */
export interface NumberOptions {
  /** Require an integer. */
  readonly int?: boolean;
}

/** A finite number in `[min, max]`. */
export function number(min: number, max: number, options: NumberOptions = {}): Schema<number> {
  const int = options.int === true;
  return make((v, ctx) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(ctx, 'expected a finite number');
    if (v < min || v > max) return fail(ctx, `number outside [${min}, ${max}]`);
    if (int && !Number.isInteger(v)) return fail(ctx, 'expected an integer');
    return v;
  });
}

/** A boolean. */
export function boolean(): Schema<boolean> {
  return make((v, ctx) => (typeof v === 'boolean' ? v : fail(ctx, 'expected a boolean')));
}

/** Exactly `value`. */
export function literal<const L extends string | number | boolean | null>(value: L): Schema<L> {
  return make((v, ctx) => (v === value ? value : fail(ctx, `expected ${JSON.stringify(value)}`)));
}

/** One of the given strings. */
export function enumOf<const E extends readonly string[]>(values: E): Schema<E[number]> {
  const set = new Set<string>(values);
  return make((v, ctx) =>
    typeof v === 'string' && set.has(v) ? (v as E[number]) : fail(ctx, `expected one of ${values.join('|')}`),
  );
}

/** Marks an object field as optional; absent (or `undefined`) keys are left out of the result. */
export function optional<T>(schema: Schema<T, boolean>): Schema<T, true> {
  return { optional: true, check: (v, ctx) => schema.check(v, ctx) };
}

/** Options for {@link array}. */
export interface ArrayOptions {
  /** Minimum item count (default 0). */
  readonly min?: number;
}

/** An array of at most `maxItems` items, each checked by `item`. */
export function array<T>(
  item: Schema<T, boolean>,
  maxItems: number,
  options: ArrayOptions = {},
): Schema<T[]> {
  const min = options.min ?? 0;
  return make((v, ctx) => {
    if (!Array.isArray(v)) return fail(ctx, 'expected an array');
    if (v.length > maxItems) return fail(ctx, `array longer than ${maxItems}`);
    if (v.length < min) return fail(ctx, `array shorter than ${min}`);
    const out: T[] = [];
    const base = ctx.path;
    for (let i = 0; i < v.length; i++) {
      ctx.path = `${base}[${i}]`;
      const r = item.check(v[i], ctx);
      if (r === INVALID) return INVALID;
      out.push(r);
    }
    ctx.path = base;
    return out;
  });
}

/** The first schema that accepts the value wins. */
export function union<const S extends readonly AnySchema[]>(...schemas: S): Schema<Infer<S[number]>> {
  return make((v, ctx) => {
    for (const s of schemas) {
      const probe = createContext();
      const r = s.check(v, probe);
      if (r !== INVALID) return r as Infer<S[number]>;
    }
    return fail(ctx, 'no alternative matched');
  });
}

/** Adds a cross-field rule to a schema. */
export function refine<T>(schema: Schema<T>, rule: (value: T) => boolean, issue: string): Schema<T> {
  return make((v, ctx) => {
    const r = schema.check(v, ctx);
    if (r === INVALID) return INVALID;
    return rule(r) ? r : fail(ctx, issue);
  });
}
