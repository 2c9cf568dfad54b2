import {
  type AvatarFraming,
  AvatarLoadError,
  type AvatarQuality,
  type AvatarSource,
  configureRenderer,
  createWebGLRenderer,
  type LoadedAvatar,
  type RendererFactory,
  resolveQuality,
  type VisemeMap,
} from '@digital-human/avatar';
import { Canvas } from '@react-three/fiber';
import { type CSSProperties, type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import type { ColorRepresentation, WebGLRenderer } from 'three';
import { AvatarFallback } from './AvatarFallback';
import { CanvasErrorBoundary } from './CanvasErrorBoundary';
import { Captions } from './Captions';
import { DigitalHumanAvatar } from './DigitalHumanAvatar';
import { FrameLimiter } from './FrameLimiter';
import { useDigitalHuman } from './hooks';
import { usePaused } from './usePaused';

/** Props of {@link DigitalHuman}. */
export interface DigitalHumanProps {
  /** The VRM: a URL, bytes or a Blob. */
  src: AvatarSource;
  /** Still image shown when WebGL is unavailable or loading failed (e.g. the avatar's thumbnail). */
  portrait?: string;
  /** Head and shoulders (`bust`, default) or the whole body (`full`), measured from the head bone. */
  framing?: AvatarFraming;
  /** Quality tier: pixel-ratio cap, outlines, frame-rate cap. Default `auto` (from hardware hints). */
  quality?: AvatarQuality;
  /** Clear colour, or `transparent` (default) to show the page behind. */
  background?: ColorRepresentation | 'transparent';
  /** Show the captions (an `aria-live` region). Default true. */
  captions?: boolean;
  visemeMap?: VisemeMap;
  /** Creates the renderer (avatar's `RendererFactory`); throwing selects the portrait fallback. */
  createRenderer?: RendererFactory;
  /** Keep the drawing buffer (for screenshots and pixel tests). Default false. */
  preserveDrawingBuffer?: boolean;
  className?: string;
  /** Style of the outer box (default: fills its parent). */
  style?: CSSProperties;
  /** More r3f content rendered in the avatar's scene. */
  children?: ReactNode;
  onLoad?: (avatar: LoadedAvatar) => void;
  /** The renderer was created (for measurements and advanced setups). */
  onRenderer?: (renderer: WebGLRenderer) => void;
  /** WebGL is unavailable (`webgl-unavailable`) or the model failed to load; the portrait is shown instead. */
  onError?: (error: AvatarLoadError) => void;
}

/**
 * The drop-in avatar: its own r3f `<Canvas>` with lights, camera framing, the quality tier (pixel-ratio cap,
 * outlines, 30 fps on the low tier) and no rendering while hidden or off screen; the captions as text in an
 * `aria-live` region; and, when WebGL is unavailable or the model cannot be loaded, the still portrait with the
 * captions, reported to the session store and to `onError`. Must sit inside a `DigitalHumanProvider`.
 *
 * ```tsx
 * <DigitalHuman src={avatarUrl} portrait={thumbnailUrl} onError={(e) => log(e.code)} />
 * ```
 */
export function DigitalHuman(props: DigitalHumanProps): ReactNode {
  const { src, portrait, framing = 'bust', quality = 'auto', background = 'transparent' } = props;
  const session = useDigitalHuman();
  const box = useRef<HTMLDivElement>(null);
  const paused = usePaused(box);
  // What failed: WebGL (for good) or loading this `src` (a new `src` tries again).
  const [failure, setFailure] = useState<{ readonly src: AvatarSource | null } | null>(null);
  const failed = failure !== null && (failure.src === null || failure.src === src);
  const settings = useMemo(() => resolveQuality(quality), [quality]);
  const { createRenderer = createWebGLRenderer, preserveDrawingBuffer = false, onRenderer } = props;
  const onErrorRef = useRef(props.onError);
  onErrorRef.current = props.onError;

  const gl = useMemo(
    () =>
      ({ canvas }: { canvas: EventTarget }): WebGLRenderer => {
        let renderer: WebGLRenderer;
        try {
          renderer = createRenderer({
            canvas: canvas as HTMLCanvasElement,
            quality: settings,
            transparent: background === 'transparent',
            preserveDrawingBuffer,
          });
        } catch (cause) {
          throw AvatarLoadError.webglUnavailable(cause);
        }
        configureRenderer(renderer, settings, background);
        onRenderer?.(renderer);
        return renderer;
      },
    [createRenderer, settings, background, preserveDrawingBuffer, onRenderer],
  );

  const fail = useCallback(
    (error: AvatarLoadError, status: 'fallback' | 'error', failedSrc: AvatarSource | null) => {
      session.store.getState().setAvatarStatus(status);
      setFailure({ src: failedSrc });
      onErrorRef.current?.(error);
    },
    [session],
  );
  const onCanvasError = useCallback(
    (error: unknown) =>
      fail(
        error instanceof AvatarLoadError ? error : AvatarLoadError.webglUnavailable(error),
        'fallback',
        null,
      ),
    [fail],
  );
  const onLoadError = useCallback((error: AvatarLoadError) => fail(error, 'error', src), [fail, src]);

  const fallback = <AvatarFallback portrait={portrait} />;
  const limited = settings.maxFps > 0;
  return (
    <div ref={box} className={props.className ?? 'dh-avatar'} style={props.style ?? BOX_STYLE}>
      {failed ? (
        fallback
      ) : (
        <CanvasErrorBoundary onError={onCanvasError} fallback={fallback}>
          <Canvas
            gl={gl}
            flat
            dpr={[1, settings.maxPixelRatio]}
            frameloop={paused ? 'never' : limited ? 'demand' : 'always'}
            camera={CAMERA}
            aria-hidden
          >
            {limited && <FrameLimiter maxFps={settings.maxFps} paused={paused} />}
            <Lights />
            <DigitalHumanAvatar
              src={src}
              framing={framing}
              outlines={settings.outlines}
              {...(props.visemeMap ? { visemeMap: props.visemeMap } : {})}
              {...(props.onLoad ? { onLoad: props.onLoad } : {})}
              onError={onLoadError}
            />
            {props.children}
          </Canvas>
        </CanvasErrorBoundary>
      )}
      {(props.captions ?? true) && <Captions />}
    </div>
  );
}

/** Toon-friendly lights, as avatar's `createStage`: key from front right, flat fill, cool rim from behind. */
function Lights(): ReactNode {
  return (
    <>
      <directionalLight position={[0.6, 1.2, 1.5]} intensity={Math.PI * 0.85} />
      <ambientLight intensity={Math.PI * 0.25} />
      <directionalLight position={[-1, 1.5, -1.5]} intensity={Math.PI * 0.35} color={0xdfe8ff} />
    </>
  );
}

const CAMERA = { fov: 30, near: 0.01, far: 100, position: [0, 1.4, 1.5] as [number, number, number] };
const BOX_STYLE: CSSProperties = { position: 'relative', width: '100%', height: '100%', overflow: 'hidden' };
