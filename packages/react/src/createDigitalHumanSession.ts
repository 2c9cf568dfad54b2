import {
  Channel,
  type Controller,
  createSessionStore,
  EmotionDriver,
  type EmotionDriverOptions,
  IdleDriver,
  type IdleDriverOptions,
  type Language,
  Mixer,
  type MixerOptions,
  type SessionStore,
  type SessionStoreOptions,
} from '@digital-human/core';

/**
 * Everything one digital human needs at run time, framework-free: the session store (captions, connection, avatar
 * status, language), the mixer every avatar pulls its `FaceFrame` from, and the drivers always present (idle life
 * and emotion). Transports and speech drivers are added by the app (`session.mixer.addDriver(speech)`).
 */
export interface DigitalHumanSession {
  /** The zustand vanilla store of the session. */
  readonly store: SessionStore;
  /** The mixer avatars pull their face from each frame. */
  readonly mixer: Mixer;
  /** Blinks, saccades, breathing and head sway (priority 0, additive on the head). */
  readonly idle: IdleDriver;
  /** The avatar's own emotion: cues, reply-text sentiment, empathy (priority 10). */
  readonly emotion: EmotionDriver;
  /** Whether {@link DigitalHumanSession.dispose} was called. */
  readonly disposed: boolean;
  /** Sets the UI and speech language in the store. */
  setLanguage(language: Language): void;
  /** Records who drives the avatar, in the mixer (emits `controllerchange`) and in the store. */
  setController(controller: Controller): void;
  /** Disposes the mixer (removing its drivers and listeners) and the emotion driver. Idempotent. */
  dispose(): void;
}

/** Options of {@link createDigitalHumanSession}. */
export interface DigitalHumanSessionOptions {
  /** Use this store instead of creating one (it is not reset on dispose). */
  store?: SessionStore;
  /** Options of the store created when `store` is not given. */
  storeOptions?: SessionStoreOptions;
  mixer?: MixerOptions;
  idle?: IdleDriverOptions;
  emotion?: EmotionDriverOptions;
}

/**
 * Creates a {@link DigitalHumanSession}: a store, and a mixer running an `IdleDriver` (additive on the head, so the
 * sway continues under emotion nods) and an `EmotionDriver`. `DigitalHumanProvider` calls this for you.
 *
 * ```ts
 * const session = createDigitalHumanSession({ storeOptions: { initial: { language: 'en' } } });
 * session.emotion.cue({ emotion: 'happy', intensity: 0.8, durationMs: 2000 });
 * ```
 */
export function createDigitalHumanSession(options: DigitalHumanSessionOptions = {}): DigitalHumanSession {
  const store = options.store ?? createSessionStore(options.storeOptions);
  const mixer = new Mixer(options.mixer);
  const idle = new IdleDriver(options.idle);
  const emotion = new EmotionDriver(options.emotion);
  mixer.addDriver(idle, { additive: Channel.head | Channel.breath });
  mixer.addDriver(emotion);
  let disposed = false;
  return {
    store,
    mixer,
    idle,
    emotion,
    get disposed() {
      return disposed;
    },
    setLanguage: (language) => store.getState().setLanguage(language),
    setController: (controller) => {
      mixer.setController(controller);
      store.getState().setController(controller);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      mixer.dispose();
      emotion.dispose();
    },
  };
}
