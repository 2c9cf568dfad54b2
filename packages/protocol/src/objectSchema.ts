import { type CheckContext, fail, INVALID, type InferShape, type Schema, type Shape } from './schema';

/** Keys that must never be copied from the wire into an object. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True for a plain JSON object (not an array, not a class instance). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Options for {@link object}. */
export interface ObjectOptions {
  /** Refuse objects with more own keys than this (default 64), known or not. */
  readonly maxKeys?: number;
}

/**
 * An object with the declared fields. Unknown keys are ignored (forward compatibility with newer minor versions)
 * and never copied; only own properties are read, so a polluted prototype cannot inject values.
 */
export function object<const S extends Shape>(shape: S, options: ObjectOptions = {}): Schema<InferShape<S>> {
  const keys = Object.keys(shape);
  for (const k of keys)
    if (FORBIDDEN_KEYS.has(k)) throw new Error(`DigitalHuman protocol: schema key '${k}'`);
  const maxKeys = options.maxKeys ?? 64;
  return {
    optional: false,
    check(v: unknown, ctx: CheckContext) {
      if (!isPlainObject(v)) return fail(ctx, 'expected an object');
      if (Object.keys(v).length > maxKeys) return fail(ctx, `object with more than ${maxKeys} keys`);
      const out: Record<string, unknown> = {};
      const base = ctx.path;
      for (const k of keys) {
        const field = shape[k]!;
        const present = Object.hasOwn(v, k) && v[k] !== undefined;
        ctx.path = base ? `${base}.${k}` : k;
        if (!present) {
          if (field.optional) continue;
          return fail(ctx, 'required field missing');
        }
        const r: unknown = field.check(v[k], ctx);
        if (r === INVALID) return INVALID;
        out[k] = r;
      }
      ctx.path = base;
      return out as InferShape<S>;
    },
  };
}

/** Options for {@link record}. */
export interface RecordOptions {
  /** Maximum number of keys. */
  readonly maxKeys: number;
  /** Maximum key length (default 64). */
  readonly maxKeyLength?: number;
}

/**
 * A string-keyed map of values checked by `value`. Keys such as `__proto__` or `constructor` are refused;
 * the result has a null prototype so no key can reach `Object.prototype`.
 */
export function record<T>(value: Schema<T, boolean>, options: RecordOptions): Schema<Record<string, T>> {
  const maxKeyLength = options.maxKeyLength ?? 64;
  return {
    optional: false,
    check(v: unknown, ctx: CheckContext) {
      if (!isPlainObject(v)) return fail(ctx, 'expected an object');
      const keys = Object.keys(v);
      if (keys.length > options.maxKeys) return fail(ctx, `object with more than ${options.maxKeys} keys`);
      const out = Object.create(null) as Record<string, T>;
      const base = ctx.path;
      for (const k of keys) {
        ctx.path = base ? `${base}.${k}` : k;
        if (FORBIDDEN_KEYS.has(k)) return fail(ctx, 'forbidden key');
        if (k.length > maxKeyLength) return fail(ctx, `key longer than ${maxKeyLength}`);
        const r = value.check(v[k], ctx);
        if (r === INVALID) return INVALID;
        out[k] = r;
      }
      ctx.path = base;
      return out;
    },
  };
}
