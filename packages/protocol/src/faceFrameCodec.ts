import { ProtocolError } from './ProtocolError';
import { PROTOCOL_MAJOR, PROTOCOL_MINOR, PROTOCOL_VERSION } from './version';

/** Number of ARKit blendshapes in an operator face frame (as `ARKIT_COUNT` in core). */
export const FACE_BLENDSHAPE_COUNT = 52;
/** First byte of every binary operator face frame (never the first byte of a JSON message). */
export const FACE_FRAME_MAGIC = 0xdf;
/** Encoded size of one operator face frame, bytes: header 11 + blendshapes 52 + 5 angles × 2 = 73. */
export const FACE_FRAME_BYTES = 11 + FACE_BLENDSHAPE_COUNT + 10;

/** Header: magic, version, seq u32, timestamp u32, flags. */
const HEADER = 11;
/** Flags bit 0: the operator's face is tracked (clear: lost, the receiver holds then eases to idle). */
const FLAG_TRACKED = 1;
const ANGLES = HEADER + FACE_BLENDSHAPE_COUNT;
/** Angles are quantised over ±π into int16. */
const ANGLE_SCALE = 32767 / Math.PI;

/**
 * One captured operator face sample (lossy, ~30 Hz). Angles are radians in ±π, weights 0..1.
 * Quantisation: weights to 1/255, angles to π/32767 (about 0.0055°).
 */
export interface OperatorFaceFrame {
  /** Sender sequence number (uint32, wraps). */
  seq: number;
  /** Capture time, ms on the sender's clock (uint32, wraps after ~49 days). */
  timestampMs: number;
  /** The face is currently tracked; false when the operator's face is lost (weights then carry no meaning). */
  tracked: boolean;
  /** The 52 ARKit blendshape weights, in ARKit/MediaPipe order. */
  readonly blendshapes: Float32Array;
  headYaw: number;
  headPitch: number;
  headRoll: number;
  gazeYaw: number;
  gazePitch: number;
}

/** Creates a zeroed frame to decode into (allocate once, reuse). */
export function createOperatorFaceFrame(): OperatorFaceFrame {
  return {
    seq: 0,
    timestampMs: 0,
    tracked: true,
    blendshapes: new Float32Array(FACE_BLENDSHAPE_COUNT),
    headYaw: 0,
    headPitch: 0,
    headRoll: 0,
    gazeYaw: 0,
    gazePitch: 0,
  };
}

function writeU32(out: Uint8Array, at: number, value: number): void {
  const v = value >>> 0;
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function writeAngle(out: Uint8Array, at: number, radians: number): void {
  const clamped = Number.isFinite(radians) ? Math.max(-Math.PI, Math.min(Math.PI, radians)) : 0;
  const q = Math.round(clamped * ANGLE_SCALE) & 0xffff;
  out[at] = q & 0xff;
  out[at + 1] = q >>> 8;
}

function readAngle(bytes: Uint8Array, at: number): number {
  const u = bytes[at]! | (bytes[at + 1]! << 8);
  return (u >= 0x8000 ? u - 0x10000 : u) / ANGLE_SCALE;
}

/**
 * Encodes a face frame into `out` (allocated when omitted; pass a reused buffer in the capture loop).
 * Weights are clamped to 0..1 and angles to ±π; NaN becomes 0.
 */
export function encodeFaceFrame(
  frame: OperatorFaceFrame,
  out = new Uint8Array(FACE_FRAME_BYTES),
): Uint8Array {
  if (out.length < FACE_FRAME_BYTES) {
    throw ProtocolError.malformed(`face frame buffer of ${out.length} bytes, need ${FACE_FRAME_BYTES}`);
  }
  out[0] = FACE_FRAME_MAGIC;
  out[1] = (PROTOCOL_MAJOR << 4) | PROTOCOL_MINOR;
  writeU32(out, 2, frame.seq);
  writeU32(out, 6, frame.timestampMs);
  out[10] = frame.tracked ? FLAG_TRACKED : 0;
  for (let i = 0; i < FACE_BLENDSHAPE_COUNT; i++) {
    const w = frame.blendshapes[i] ?? 0;
    out[HEADER + i] = Number.isFinite(w) ? Math.round(Math.max(0, Math.min(1, w)) * 255) : 0;
  }
  writeAngle(out, ANGLES, frame.headYaw);
  writeAngle(out, ANGLES + 2, frame.headPitch);
  writeAngle(out, ANGLES + 4, frame.headRoll);
  writeAngle(out, ANGLES + 6, frame.gazeYaw);
  writeAngle(out, ANGLES + 8, frame.gazePitch);
  return out.length === FACE_FRAME_BYTES ? out : out.subarray(0, FACE_FRAME_BYTES);
}

/** True when `bytes` starts like a binary face frame. */
export function isFaceFrameBytes(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] === FACE_FRAME_MAGIC;
}

/**
 * Decodes a face frame into `out` without allocating. Returns null on success, or the error (it never throws).
 * This does not check the sender's role: the transport must only call it for operator senders, or use `decode`.
 */
export function decodeFaceFrameInto(bytes: Uint8Array, out: OperatorFaceFrame): ProtocolError | null {
  if (bytes.length !== FACE_FRAME_BYTES || bytes[0] !== FACE_FRAME_MAGIC) {
    return ProtocolError.malformed(
      `face frame must be ${FACE_FRAME_BYTES} bytes starting with the magic byte`,
    );
  }
  const major = bytes[1]! >>> 4;
  if (major !== PROTOCOL_MAJOR) {
    return ProtocolError.versionUnsupported(`${major}.${bytes[1]! & 0x0f}`, PROTOCOL_VERSION);
  }
  out.seq = readU32(bytes, 2);
  out.timestampMs = readU32(bytes, 6);
  out.tracked = (bytes[10]! & FLAG_TRACKED) !== 0;
  for (let i = 0; i < FACE_BLENDSHAPE_COUNT; i++) out.blendshapes[i] = bytes[HEADER + i]! / 255;
  out.headYaw = readAngle(bytes, ANGLES);
  out.headPitch = readAngle(bytes, ANGLES + 2);
  out.headRoll = readAngle(bytes, ANGLES + 4);
  out.gazeYaw = readAngle(bytes, ANGLES + 6);
  out.gazePitch = readAngle(bytes, ANGLES + 8);
  return null;
}
