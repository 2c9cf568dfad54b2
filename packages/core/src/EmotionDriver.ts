import { Channel, type Driver } from './Driver';
import { EMOTION_COUNT, type Emotion, EmotionIndex, type FaceFrame } from './FaceFrame';
import { estimateTextSentiment } from './textSentiment';

/**
 * An emotion cue from the dialog service (the `emotion.cue` message): show `emotion` at `intensity` (0..1) for
 * `durationMs` (0 = until the next cue). `'neutral'` clears the current cue.
 */
export interface EmotionCue {
  readonly emotion: Emotion | 'neutral';
  readonly intensity: number;
  readonly durationMs: number;
}

/**
 * What the avatar knows about the customer's mood: the on-device sentiment label (structurally the `label`,
 * `valence` and `confidence` of `@digital-human/sense`'s summary) and/or the dialog service's "complaining" flag.
 */
export interface CustomerMood {
  readonly label?: 'happy' | 'neutral' | 'sad' | 'angry' | 'surprised';
  /** -1..1 */
  readonly valence?: number;
  /** 0..1, confidence in `label` (default 1). */
  readonly confidence?: number;
  /** The dialog service judged the customer's words a complaint. */
  readonly complaining?: boolean;
}

/** Options of an {@link EmotionDriver}. */
export interface EmotionDriverOptions {
  /** Mixer priority (default 10: above idle, below an operator's puppet). */
  priority?: number;
  /** Time constant of a rising emotion, in ms (default 200). */
  attackMs?: number;
  /** Time constant of a fading emotion, in ms (default 600). */
  releaseMs?: number;
  /** How much of a text estimate's intensity is shown (default 0.6: the reply's own words stay subtle). */
  textGain?: number;
  /** How long a text estimate lasts when `say` gets no duration, in ms per character (default 150, min 1500). */
  msPerChar?: number;
  /** A customer mood is forgotten this long after its last update, in ms (default 10000). */
  moodTtlMs?: number;
}

const EMPTY_CUE = -1;
const HAPPY = EmotionIndex.happy;
const SAD = EmotionIndex.sad;
const RELAXED = EmotionIndex.relaxed;

/**
 * The avatar's own emotion. Claims `Channel.emotion`. Three sources, in order:
 * 1. **cues** from the dialog service (`cue`) win while they last;
 * 2. without a cue, a zh/en sentiment estimate of the avatar's reply text (`say`, see `estimateTextSentiment`);
 * 3. an **empathy policy** over both: while the customer looks angry or sad, or complains, the avatar shows concern
 *    and calm (relaxed, a little sad) and never happy, angry or surprised, whatever the cue says.
 * Weights rise and fall smoothly (attack/release). The mixer caps them while speaking so the mouth stays free.
 * `update` allocates nothing.
 */
export class EmotionDriver implements Driver {
  readonly name = 'emotion';
  readonly priority: number;
  private readonly attackS: number;
  private readonly releaseS: number;
  private readonly textGain: number;
  private readonly msPerChar: number;
  private readonly moodTtlS: number;
  private readonly weights = new Float32Array(EMOTION_COUNT);
  private readonly target = new Float32Array(EMOTION_COUNT);
  // Cue: pending values are stamped with the clock at the next update.
  private cueIndex = EMPTY_CUE;
  private cueIntensity = 0;
  private cueEnd = 0;
  private cueDurationS = 0;
  private cuePending = false;
  // Text estimate.
  private textIndex = EMPTY_CUE;
  private textIntensity = 0;
  private textEnd = 0;
  private textDurationS = 0;
  private textPending = false;
  // Customer mood.
  private concern = 0;
  private moodSetAt = 0;
  private moodPending = false;

  constructor(options: EmotionDriverOptions = {}) {
    this.priority = options.priority ?? 10;
    this.attackS = Math.max(1, options.attackMs ?? 200) / 1000;
    this.releaseS = Math.max(1, options.releaseMs ?? 600) / 1000;
    this.textGain = options.textGain ?? 0.6;
    this.msPerChar = options.msPerChar ?? 150;
    this.moodTtlS = (options.moodTtlMs ?? 10_000) / 1000;
  }

  /** Shows a cue from the dialog service; it replaces the previous cue and wins over text estimates until it ends. */
  cue(cue: EmotionCue): void {
    if (cue.emotion === 'neutral') {
      this.cueIndex = EMPTY_CUE;
      this.cuePending = false;
      return;
    }
    this.cueIndex = EmotionIndex[cue.emotion] ?? EMPTY_CUE;
    this.cueIntensity = clamp01(cue.intensity);
    this.cueDurationS = cue.durationMs > 0 ? cue.durationMs / 1000 : Number.POSITIVE_INFINITY;
    this.cuePending = true;
  }

  /**
   * The avatar is about to say `text`: without a cue, its estimated sentiment colours the face for `durationMs`
   * (default: from the text length).
   */
  say(text: string, durationMs?: number): void {
    const estimate = estimateTextSentiment(text);
    this.textIndex = estimate.emotion ? EmotionIndex[estimate.emotion] : EMPTY_CUE;
    this.textIntensity = clamp01(estimate.intensity * this.textGain);
    this.textDurationS = (durationMs ?? Math.max(1500, text.length * this.msPerChar)) / 1000;
    this.textPending = true;
  }

  /** Updates what is known of the customer's mood (`null`: unknown, e.g. no camera or the customer left). */
  setCustomerMood(mood: CustomerMood | null): void {
    this.concern = mood ? concernOf(mood) : 0;
    this.moodPending = true;
  }

  /** Drops cues and text estimates; the face relaxes back to neutral. */
  clear(): void {
    this.cueIndex = EMPTY_CUE;
    this.textIndex = EMPTY_CUE;
    this.cuePending = this.textPending = false;
  }

  /** True while the empathy policy is on (the customer seems upset). */
  get empathetic(): boolean {
    return this.concern > 0;
  }

  update(time: number, dt: number, out: FaceFrame): number {
    this.stamp(time);
    this.computeTarget(time);
    const w = this.weights;
    const t = this.target;
    let active = false;
    for (let i = 0; i < EMOTION_COUNT; i++) {
      const current = w[i] ?? 0;
      const goal = t[i] ?? 0;
      // Suppressed emotions (empathy) leave as fast as others arrive.
      const tau = goal > current || (this.concern > 0 && goal === 0) ? this.attackS : this.releaseS;
      const next = current + (goal - current) * (1 - Math.exp(-Math.max(0, dt) / tau));
      w[i] = next < 1e-3 && goal === 0 ? 0 : next; // snap invisible tails to rest
      out.emotions[i] = w[i] ?? 0;
      if ((w[i] ?? 0) > 0 || goal > 0) active = true;
    }
    return active ? Channel.emotion : 0;
  }

  /** Nothing to release (no timers, no listeners); resets the face. */
  dispose(): void {
    this.clear();
    this.concern = 0;
    this.weights.fill(0);
  }

  private stamp(time: number): void {
    if (this.cuePending) {
      this.cueEnd = time + this.cueDurationS;
      this.cuePending = false;
    }
    if (this.textPending) {
      this.textEnd = time + this.textDurationS;
      this.textPending = false;
    }
    if (this.moodPending) {
      this.moodSetAt = time;
      this.moodPending = false;
    }
    if (this.concern > 0 && time - this.moodSetAt > this.moodTtlS) this.concern = 0;
  }

  private computeTarget(time: number): void {
    const t = this.target;
    t.fill(0);
    if (this.cueIndex !== EMPTY_CUE && time < this.cueEnd) t[this.cueIndex] = this.cueIntensity;
    else if (this.textIndex !== EMPTY_CUE && time < this.textEnd) t[this.textIndex] = this.textIntensity;
    if (this.concern > 0) applyEmpathy(t, this.concern);
  }
}

/**
 * Concern and calm instead of whatever was asked: a relaxed face, a touch of sadness growing with the concern,
 * and nothing happy, angry or surprised. Whatever intensity was asked for becomes calm, capped.
 */
function applyEmpathy(t: Float32Array, concern: number): void {
  let asked = 0;
  for (let i = 0; i < t.length; i++) asked = Math.max(asked, t[i] ?? 0);
  t.fill(0);
  t[RELAXED] = Math.min(0.6, Math.max(0.3, asked * 0.6));
  t[SAD] = 0.1 + 0.25 * concern;
  t[HAPPY] = 0;
}

/** 0 (no concern) .. 1 (an upset customer) from a mood. */
function concernOf(mood: CustomerMood): number {
  const confidence = mood.confidence ?? 1;
  const negativeLabel = mood.label === 'angry' || mood.label === 'sad';
  let c = negativeLabel && confidence >= 0.4 ? confidence : 0;
  if (mood.valence !== undefined && mood.valence <= -0.25) c = Math.max(c, Math.min(1, -mood.valence * 1.5));
  if (mood.complaining) c = Math.max(c, 0.8);
  return c;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
