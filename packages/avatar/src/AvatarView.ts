import { Emitter, type FrameSource } from '@digital-human/core';
import { VRMUtils } from '@pixiv/three-vrm';
import type { ColorRepresentation, WebGLRenderer } from 'three';
import { AvatarLoadError } from './AvatarLoadError';
import { AvatarOverlay } from './AvatarOverlay';
import { applyFaceFrame } from './applyFaceFrame';
import { createFaceMapping, type FaceMapping } from './createFaceMapping';
import { configureRenderer, createWebGLRenderer, type RendererFactory } from './createRenderer';
import { createStage, type Stage } from './createStage';
import { type AvatarFraming, frameCamera } from './frameCamera';
import { type LoadedAvatar, type LoadVRMOptions, loadVRM } from './loadVRM';
import { relaxArms, setOutlines } from './prepareAvatar';
import { type PauseReason, RenderLoop } from './RenderLoop';
import type { AvatarSource, LoadProgress } from './readSource';
import { type AvatarQuality, type QualitySettings, resolveQuality } from './resolveQuality';
import type { VisemeMap } from './visemeMap';
import { watchContext, watchSize, watchVisibility } from './watchCanvas';

/** Options of an {@link AvatarView}. Give `container` (a canvas is created inside) or `canvas`. */
export interface AvatarViewOptions {
  container?: HTMLElement;
  canvas?: HTMLCanvasElement;
  /** Default `auto`. */
  quality?: AvatarQuality;
  /** Default `bust`. */
  framing?: AvatarFraming;
  /** Clear colour, or `transparent` (default) to show the page behind. */
  background?: ColorRepresentation | 'transparent';
  /** Still image shown when WebGL is unavailable (a neutral placeholder otherwise). */
  portraitUrl?: string;
  /** Where faces come from each frame (usually core's `Mixer`). */
  frameSource?: FrameSource;
  /** Replaces the default viseme mapping for every model loaded. */
  visemeMap?: VisemeMap;
  /** Keeps the drawing buffer after a frame (for screenshots via `toDataURL`); default false. */
  preserveDrawingBuffer?: boolean;
  /** Creates the renderer; replace it for tests or custom setups. Throwing selects the fallback mode. */
  createRenderer?: RendererFactory;
  /** Start the render loop at once; default true. */
  autoStart?: boolean;
}

/** The events of an {@link AvatarView}, by name. */
export interface AvatarViewEvents {
  loadprogress: LoadProgress;
  loaded: LoadedAvatar;
  error: AvatarLoadError;
  /** WebGL is unavailable; the view shows the portrait and captions. */
  fallback: AvatarLoadError;
  paused: { reason: PauseReason };
  resumed: { reason: PauseReason };
  contextlost: undefined;
  contextrestored: undefined;
}

/**
 * A framework-free avatar view: owns a WebGL renderer, camera, lights and render loop, loads VRM avatars, applies
 * the frame source's face each frame, pauses when hidden or off screen, survives WebGL context loss, and falls back
 * to a still portrait with captions when WebGL is unavailable.
 *
 * @example
 * ```ts
 * const view = new AvatarView({ container, frameSource: mixer });
 * view.on('error', (e) => report(e.code));
 * await view.load('/avatars/default.vrm');
 * ```
 */
export class AvatarView {
  /** The view's events; `on` returns the unsubscribe function. */
  readonly events = new Emitter<AvatarViewEvents>();
  /** The canvas rendered into (hidden in fallback mode). */
  readonly canvas: HTMLCanvasElement;
  /** The resolved quality tier. */
  readonly quality: QualitySettings;
  /** `webgl`, or `fallback` when no WebGL context could be created. */
  readonly mode: 'webgl' | 'fallback';
  /** Why the view is in fallback mode, or null. */
  readonly fallbackError: AvatarLoadError | null = null;
  /** Where faces come from; may be replaced at any time. */
  frameSource: FrameSource | null;

  private readonly options: AvatarViewOptions;
  private readonly overlay: AvatarOverlay;
  private readonly stage: Stage;
  private readonly loop: RenderLoop;
  private readonly wrapper: HTMLElement | null;
  private readonly cleanups: Array<() => void> = [];
  private glRenderer: WebGLRenderer | null = null;
  private current: LoadedAvatar | null = null;
  private mapping: FaceMapping | null = null;
  private loading: AbortController | null = null;
  private disposed = false;

  constructor(options: AvatarViewOptions) {
    this.options = options;
    this.frameSource = options.frameSource ?? null;
    this.quality = resolveQuality(options.quality ?? 'auto');
    this.canvas = options.canvas ?? document.createElement('canvas');
    this.wrapper = this.mountWrapper(options);
    this.overlay = new AvatarOverlay(this.wrapper ?? this.canvas.parentElement);
    this.stage = createStage();
    this.loop = new RenderLoop({
      frame: (time, dt) => this.step(time, dt),
      paused: (reason) => this.events.emit('paused', { reason }),
      resumed: (reason) => this.events.emit('resumed', { reason }),
    });
    this.loop.setMaxFps(this.quality.maxFps);
    try {
      this.glRenderer = this.createRenderer();
      this.mode = 'webgl';
      this.resize();
    } catch (cause) {
      this.mode = 'fallback';
      this.fallbackError = AvatarLoadError.webglUnavailable(cause);
      this.enterFallback(this.fallbackError);
      return;
    }
    this.cleanups.push(
      watchVisibility(this.canvas, this.loop),
      watchContext(this.canvas, {
        lost: () => this.onContextLost(),
        restored: () => this.onContextRestored(),
      }),
      watchSize(this.canvas, () => this.resize()),
    );
    if (options.autoStart ?? true) this.loop.start();
  }

  /** Adds a listener; returns its unsubscribe. */
  on<K extends keyof AvatarViewEvents>(type: K, fn: (payload: AvatarViewEvents[K]) => void): () => void {
    return this.events.on(type, fn);
  }

  /** The WebGL renderer, or null in fallback mode or after dispose. */
  get renderer(): WebGLRenderer | null {
    return this.glRenderer;
  }

  /** The avatar currently shown, or null. */
  get avatar(): LoadedAvatar | null {
    return this.current;
  }

  /** The scene and camera (for tests and custom additions). */
  get scene(): Stage {
    return this.stage;
  }

  /** Whether the render loop is paused, and why. */
  get pauseReasons(): ReadonlySet<PauseReason> {
    return this.loop.pauseReasons;
  }

  /**
   * Loads an avatar and shows it in place of the current one (which is disposed). A newer `load` aborts an older
   * one still in flight. In fallback mode nothing is loaded and the promise resolves to null.
   */
  async load(source: AvatarSource, options: LoadVRMOptions = {}): Promise<LoadedAvatar | null> {
    if (this.disposed) throw new AvatarLoadError('aborted', 'the view was disposed');
    if (this.mode === 'fallback') return null;
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    let loaded: LoadedAvatar;
    try {
      loaded = await loadVRM(source, {
        ...options,
        signal,
        onProgress: (progress) => {
          options.onProgress?.(progress);
          this.events.emit('loadprogress', progress);
        },
      });
    } catch (error) {
      const typed =
        error instanceof AvatarLoadError
          ? error
          : new AvatarLoadError('corrupt', 'loading failed', { cause: error });
      if (!controller.signal.aborted) this.events.emit('error', typed);
      throw typed;
    } finally {
      if (this.loading === controller) this.loading = null;
    }
    this.show(loaded);
    this.events.emit('loaded', loaded);
    return loaded;
  }

  /** Removes and disposes the current avatar. */
  unload(): void {
    if (!this.current) return;
    this.stage.scene.remove(this.current.vrm.scene);
    VRMUtils.deepDispose(this.current.vrm.scene);
    // The last frame's render lists still point at the old meshes; drop them so they can be collected now.
    this.glRenderer?.renderLists.dispose();
    this.current = null;
    this.mapping = null;
  }

  /** Shows `text` as the caption line, in 3D and fallback mode alike (plain text; '' hides it). */
  setCaption(text: string): void {
    this.overlay.setCaption(text);
  }

  /** The portrait shown in fallback mode, or null. */
  get portrait(): HTMLImageElement | null {
    return this.overlay.portrait;
  }

  /** The captions element. */
  get captions(): HTMLElement {
    return this.overlay.captions;
  }

  /** Starts the render loop (when `autoStart` was false) or resumes it after {@link pause}. */
  start(): void {
    this.loop.resume('manual');
    this.loop.start();
  }

  /** Pauses the render loop until {@link start}. */
  pause(): void {
    this.loop.pause('manual');
  }

  /** Runs one frame now (face, update, render) with a zero step: for tests and screenshots. */
  renderOnce(): void {
    this.step(performance.now() / 1000, 0);
  }

  /** Stops the loop, removes listeners, observers and DOM it added, and frees all GPU memory. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loading?.abort();
    this.loop.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.unload();
    this.glRenderer?.dispose();
    this.glRenderer = null;
    this.overlay.dispose();
    this.wrapper?.remove();
    this.events.removeAllListeners();
  }

  private step(time: number, dt: number): void {
    const renderer = this.glRenderer;
    if (!renderer || this.disposed) return;
    const avatar = this.current;
    if (avatar && this.mapping) {
      if (this.frameSource) applyFaceFrame(avatar.vrm, this.frameSource.update(time, dt), this.mapping);
      avatar.vrm.update(dt);
    }
    renderer.render(this.stage.scene, this.stage.camera);
  }

  private show(loaded: LoadedAvatar): void {
    if (this.disposed) {
      VRMUtils.deepDispose(loaded.vrm.scene);
      return;
    }
    this.unload();
    relaxArms(loaded.vrm);
    setOutlines(loaded.vrm, this.quality.outlines);
    this.current = loaded;
    this.mapping = createFaceMapping(loaded.vrm, this.options.visemeMap);
    this.stage.scene.add(loaded.vrm.scene);
    loaded.vrm.update(0);
    frameCamera(this.stage.camera, loaded.vrm, this.options.framing ?? 'bust');
    this.renderOnce();
  }

  private createRenderer(): WebGLRenderer {
    const background = this.options.background ?? 'transparent';
    const create = this.options.createRenderer ?? createWebGLRenderer;
    const renderer = create({
      canvas: this.canvas,
      quality: this.quality,
      transparent: background === 'transparent',
      preserveDrawingBuffer: this.options.preserveDrawingBuffer ?? false,
    });
    configureRenderer(renderer, this.quality, background);
    return renderer;
  }

  private enterFallback(error: AvatarLoadError): void {
    this.canvas.style.display = 'none';
    this.overlay.showPortrait(this.options.portraitUrl, 'Assistant');
    // Emitted on the next microtask so listeners added right after construction hear it.
    queueMicrotask(() => {
      if (!this.disposed) this.events.emit('fallback', error);
    });
  }

  private mountWrapper(options: AvatarViewOptions): HTMLElement | null {
    if (!options.container) return null;
    const wrapper = document.createElement('div');
    wrapper.className = 'dh-avatar';
    wrapper.style.cssText = 'position:relative;width:100%;height:100%;overflow:hidden';
    this.canvas.style.cssText = 'display:block;width:100%;height:100%';
    wrapper.appendChild(this.canvas);
    options.container.appendChild(wrapper);
    return wrapper;
  }

  private onContextLost(): void {
    this.loop.pause('contextlost');
    this.events.emit('contextlost');
  }

  private onContextRestored(): void {
    // three rebuilds its GL state on restore, which resets the clear colour.
    if (this.glRenderer)
      configureRenderer(this.glRenderer, this.quality, this.options.background ?? 'transparent');
    this.loop.resume('contextlost');
    this.renderOnce();
    this.events.emit('contextrestored');
  }

  private resize(): void {
    const renderer = this.glRenderer;
    const width = this.canvas.clientWidth || this.canvas.width || 300;
    const height = this.canvas.clientHeight || this.canvas.height || 150;
    renderer?.setSize(width, height, false);
    this.stage.camera.aspect = width / height;
    if (this.current) frameCamera(this.stage.camera, this.current.vrm, this.options.framing ?? 'bust');
    else this.stage.camera.updateProjectionMatrix();
    if (renderer && !this.loop.running) this.renderOnce();
  }
}
