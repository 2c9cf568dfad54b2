/**
 * The canonical viseme set: the 15 Oculus-style classes. Every lip-sync source is mapped onto these.
 * Index order is fixed: `FaceFrame.visemes[VisemeIndex[v]]` is the weight of viseme `v`.
 */
export const Viseme = {
  sil: 'sil',
  PP: 'PP',
  FF: 'FF',
  TH: 'TH',
  DD: 'DD',
  kk: 'kk',
  CH: 'CH',
  SS: 'SS',
  nn: 'nn',
  RR: 'RR',
  aa: 'aa',
  E: 'E',
  ih: 'ih',
  oh: 'oh',
  ou: 'ou',
} as const;
/** One of the 15 canonical visemes. */
export type Viseme = (typeof Viseme)[keyof typeof Viseme];

/** The visemes in index order. */
export const VISEMES: readonly Viseme[] = Object.values(Viseme);
/** Number of canonical visemes (15). */
export const VISEME_COUNT = VISEMES.length;
/** Index of each viseme in `FaceFrame.visemes`. */
export const VisemeIndex = Object.fromEntries(VISEMES.map((v, i) => [v, i])) as Record<Viseme, number>;

/** The emotions the avatar can show; they match the VRM 1.0 expression presets. */
export const Emotion = {
  happy: 'happy',
  angry: 'angry',
  sad: 'sad',
  relaxed: 'relaxed',
  surprised: 'surprised',
} as const;
/** One of the avatar's emotions. */
export type Emotion = (typeof Emotion)[keyof typeof Emotion];
/** The emotions in index order. */
export const EMOTIONS: readonly Emotion[] = Object.values(Emotion);
/** Number of emotions (5). */
export const EMOTION_COUNT = EMOTIONS.length;
/** Index of each emotion in `FaceFrame.emotions`. */
export const EmotionIndex = Object.fromEntries(EMOTIONS.map((e, i) => [e, i])) as Record<Emotion, number>;

/** Number of ARKit blendshapes (the 52 of Apple's ARFaceAnchor, as MediaPipe also emits them). */
export const ARKIT_COUNT = 52;

/**
 * Everything the avatar needs to pose a face for one frame, and the only thing it knows.
 * Angles are radians; weights are 0..1. Arrays are preallocated and reused: never replace them, write into them.
 */
export interface FaceFrame {
  /** Viseme weights, indexed by {@link VisemeIndex}. */
  readonly visemes: Float32Array;
  /** Emotion weights, indexed by {@link EmotionIndex}. */
  readonly emotions: Float32Array;
  /** Eyelid closure, 0 open .. 1 closed. */
  blinkLeft: number;
  blinkRight: number;
  /** Gaze direction relative to the head: positive yaw looks to the avatar's left, positive pitch looks up. */
  gazeYaw: number;
  gazePitch: number;
  /** Head rotation (spread over neck and head bones by the avatar). */
  headYaw: number;
  headPitch: number;
  headRoll: number;
  /** Breathing phase amplitude, -1..1 (chest/shoulders rise). */
  breath: number;
  /** Raw ARKit blendshape weights (operator face capture), or null when not present. */
  arkit: Float32Array | null;
}

/** Creates a neutral frame with preallocated arrays. */
export function createFaceFrame(withArkit = false): FaceFrame {
  return {
    visemes: new Float32Array(VISEME_COUNT),
    emotions: new Float32Array(EMOTION_COUNT),
    blinkLeft: 0,
    blinkRight: 0,
    gazeYaw: 0,
    gazePitch: 0,
    headYaw: 0,
    headPitch: 0,
    headRoll: 0,
    breath: 0,
    arkit: withArkit ? new Float32Array(ARKIT_COUNT) : null,
  };
}

/** Resets a frame to neutral in place (no allocation). */
export function resetFaceFrame(frame: FaceFrame): void {
  frame.visemes.fill(0);
  frame.emotions.fill(0);
  frame.blinkLeft = 0;
  frame.blinkRight = 0;
  frame.gazeYaw = 0;
  frame.gazePitch = 0;
  frame.headYaw = 0;
  frame.headPitch = 0;
  frame.headRoll = 0;
  frame.breath = 0;
  frame.arkit?.fill(0);
}

/** Copies `src` into `dst` in place (no allocation; `dst.arkit` is written only when both have one). */
export function copyFaceFrame(src: FaceFrame, dst: FaceFrame): void {
  dst.visemes.set(src.visemes);
  dst.emotions.set(src.emotions);
  dst.blinkLeft = src.blinkLeft;
  dst.blinkRight = src.blinkRight;
  dst.gazeYaw = src.gazeYaw;
  dst.gazePitch = src.gazePitch;
  dst.headYaw = src.headYaw;
  dst.headPitch = src.headPitch;
  dst.headRoll = src.headRoll;
  dst.breath = src.breath;
  if (dst.arkit) {
    if (src.arkit) dst.arkit.set(src.arkit);
    else dst.arkit.fill(0);
  }
}
