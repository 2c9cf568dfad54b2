export type { ObjectOptions, RecordOptions } from './objectSchema';
export { isPlainObject, object, record } from './objectSchema';
export type {
  ArrayOptions,
  CheckContext,
  Infer,
  InferShape,
  NumberOptions,
  Schema,
  Shape,
  StringOptions,
} from './schema';
export {
  array,
  boolean,
  createContext,
  enumOf,
  fail,
  INVALID,
  literal,
  number,
  optional,
  refine,
  string,
  union,
} from './schema';
