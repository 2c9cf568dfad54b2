import {
  createOperatorFaceFrame,
  decodeFaceFrameInto,
  isFaceFrameBytes,
  type OperatorFaceFrame,
} from './faceFrameCodec';
import { Limits } from './limits';
import {
  FACE_FRAME_TYPE,
  isJsonMessageType,
  type JsonMessage,
  type JsonMessageType,
  MESSAGE_SCHEMAS,
  type MessageOf,
} from './messages/registry';
import { ProtocolError } from './ProtocolError';
import { canSend } from './permissions';
import { isRole, type Role } from './roles';
import { createContext, INVALID, isPlainObject, type Schema } from './schemaIndex';
import { isVersionSupported, PROTOCOL_VERSION, parseVersion } from './version';

/** A decoded binary operator face frame. */
export interface FaceFrameMessage {
  readonly v: string;
  readonly type: typeof FACE_FRAME_TYPE;
  readonly frame: OperatorFaceFrame;
}

/** Any decoded message. Strings in it are plain text: render them as text, never as HTML. */
export type Message = JsonMessage | FaceFrameMessage;

/** The result of {@link decode}: it never throws. */
export type DecodeResult =
  | { readonly ok: true; readonly message: Message }
  | { readonly ok: false; readonly error: ProtocolError };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** UTF-8 byte length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Nesting depth of a JSON text (brackets outside strings), stopping early once over `limit`. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const failed = (error: ProtocolError): DecodeResult => ({ ok: false, error });

function decodeFace(bytes: Uint8Array, sender: Role | null | undefined): DecodeResult {
  if (!canSend(sender, FACE_FRAME_TYPE))
    return failed(ProtocolError.forbiddenSender(sender ?? null, FACE_FRAME_TYPE));
  const frame = createOperatorFaceFrame();
  const error = decodeFaceFrameInto(bytes, frame);
  return error ? failed(error) : { ok: true, message: { v: PROTOCOL_VERSION, type: FACE_FRAME_TYPE, frame } };
}

function decodeText(text: string, sender: Role | null | undefined): DecodeResult {
  if (jsonDepthExceeds(text, Limits.maxDepth))
    return failed(ProtocolError.malformed(`nested deeper than ${Limits.maxDepth}`));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return failed(ProtocolError.malformed('not JSON', e));
  }
  if (!isPlainObject(raw)) return failed(ProtocolError.malformed('not a JSON object'));
  const version = Object.hasOwn(raw, 'v') ? parseVersion(raw.v) : null;
  if (!version) return failed(ProtocolError.malformed("missing or bad version 'v'"));
  if (!isVersionSupported(version))
    return failed(ProtocolError.versionUnsupported(String(raw.v), PROTOCOL_VERSION));
  const type = Object.hasOwn(raw, 'type') ? raw.type : undefined;
  if (typeof type !== 'string' || type.length > 64)
    return failed(ProtocolError.malformed("missing or bad 'type'"));
  if (!isJsonMessageType(type)) return failed(ProtocolError.unknownType(type));
  if (!canSend(sender, type)) return failed(ProtocolError.forbiddenSender(sender ?? null, type));
  const ctx = createContext();
  const message = (MESSAGE_SCHEMAS[type] as Schema<JsonMessage>).check(raw, ctx);
  if (message === INVALID) return failed(ProtocolError.invalid(type, ctx.issuePath, ctx.issue));
  return { ok: true, message };
}

function decodeUnchecked(
  input: Uint8Array | ArrayBuffer | string,
  sender: Role | null | undefined,
): DecodeResult {
  // A participant without a server-set role may send nothing: refuse before reading a byte.
  if (!isRole(sender)) return failed(ProtocolError.forbiddenSender(null, '*'));
  const limit = Limits.maxReliableBytes;
  if (typeof input === 'string') {
    // Each UTF-16 unit is at least one UTF-8 byte: a long string is refused without measuring it.
    if (input.length > limit) return failed(ProtocolError.tooLarge(input.length, limit));
    const size = utf8Length(input);
    if (size > limit) return failed(ProtocolError.tooLarge(size, limit));
    return decodeText(input, sender);
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length > limit) return failed(ProtocolError.tooLarge(bytes.length, limit));
  if (isFaceFrameBytes(bytes)) return decodeFace(bytes, sender);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (e) {
    return failed(ProtocolError.malformed('not UTF-8', e));
  }
  return decodeText(text, sender);
}

/**
 * Decodes and validates one message from a sender whose role the transport read from server-set participant
 * attributes (null when it has none). Never throws; refuses oversize, malformed, too deep, unknown-major,
 * unknown-type, forbidden-sender and invalid input. The result holds only declared fields (unknown ones from a
 * newer minor version are dropped) and no inherited or `__proto__` keys.
 */
export function decode(
  input: Uint8Array | ArrayBuffer | string,
  sender: Role | null | undefined,
): DecodeResult {
  try {
    return decodeUnchecked(input, sender);
  } catch (e) {
    return failed(ProtocolError.malformed('decoder failure', e));
  }
}

/**
 * The allocation-free path for the ~30 Hz operator face frames on `Topic.face`: checks the sender's role, then
 * decodes into `out`. Returns null on success or the error (never throws).
 */
export function decodeFaceFrameFrom(
  bytes: Uint8Array,
  sender: Role | null | undefined,
  out: OperatorFaceFrame,
): ProtocolError | null {
  if (!canSend(sender, FACE_FRAME_TYPE))
    return ProtocolError.forbiddenSender(sender ?? null, FACE_FRAME_TYPE);
  if (bytes.length > Limits.maxReliableBytes)
    return ProtocolError.tooLarge(bytes.length, Limits.maxReliableBytes);
  return decodeFaceFrameInto(bytes, out);
}

/** Validates a message before sending; throws a `ProtocolError` ('unknown-type' or 'invalid'). */
export function validate<M extends JsonMessage>(message: M): M {
  if (!isJsonMessageType(message.type)) throw ProtocolError.unknownType(message.type);
  const ctx = createContext();
  const checked = (MESSAGE_SCHEMAS[message.type] as Schema<JsonMessage>).check(message, ctx);
  if (checked === INVALID) throw ProtocolError.invalid(message.type, ctx.issuePath, ctx.issue);
  return message;
}

/**
 * Validates and serialises a message to a JSON string. Throws `ProtocolError` 'too-large' over 15 KiB
 * (send such payloads as a stream instead), or 'invalid'.
 */
export function encodeText(message: JsonMessage): string {
  validate(message);
  const text = JSON.stringify(message);
  const size = utf8Length(text);
  if (size > Limits.maxReliableBytes)
    throw ProtocolError.tooLarge(size, Limits.maxReliableBytes, message.type);
  return text;
}

/** Like {@link encodeText}, as UTF-8 bytes (for data packets). */
export function encode(message: JsonMessage): Uint8Array {
  return utf8Encoder.encode(encodeText(message));
}

/** Builds a message of `type` with the current {@link PROTOCOL_VERSION}. */
export function createMessage<T extends JsonMessageType>(
  type: T,
  fields: Omit<MessageOf<T>, 'v' | 'type'>,
): MessageOf<T> {
  return { ...fields, v: PROTOCOL_VERSION, type } as unknown as MessageOf<T>;
}
