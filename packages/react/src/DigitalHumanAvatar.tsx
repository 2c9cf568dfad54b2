import {
  type AvatarFraming,
  type AvatarLoadError,
  type AvatarSource,
  applyFaceFrame,
  frameCamera,
  type LoadedAvatar,
  type VisemeMap,
} from '@digital-human/avatar';
import { useFrame, useThree } from '@react-three/fiber';
import { type ReactNode, useEffect, useRef } from 'react';
import type { Group } from 'three';
import { PerspectiveCamera } from 'three';
import { useDigitalHuman } from './hooks';
import { useAvatarModel } from './useAvatarModel';

/** Props of {@link DigitalHumanAvatar}. */
export interface DigitalHumanAvatarProps {
  /** The VRM: a URL, bytes or a Blob. */
  src: AvatarSource;
  /**
   * Points the scene's (perspective) camera at the avatar from its head bone: `bust` or `full`. Default `none`:
   * inside your own scene the camera stays yours.
   */
  framing?: AvatarFraming | 'none';
  /** Draw MToon outlines (a second draw per mesh). Default true. */
  outlines?: boolean;
  visemeMap?: VisemeMap;
  /** Where the avatar stands in your scene. */
  position?: readonly [number, number, number];
  /** Turn about the vertical axis, radians (the avatar faces +Z). */
  rotationY?: number;
  onLoad?: (avatar: LoadedAvatar) => void;
  /** Loading failed; the session store's `avatarStatus` is `error` too. */
  onError?: (error: AvatarLoadError) => void;
}

/**
 * The avatar as a @react-three/fiber scene-graph component, for apps with their own `<Canvas>`. Loads the VRM,
 * adds `vrm.scene` under a group, and each frame pulls the session mixer's `FaceFrame`, applies it and runs
 * `vrm.update(dt)`. Reports `loading`/`ready`/`error` to the session store. Frees all GPU memory on unmount.
 * Must sit inside a `DigitalHumanProvider` (r3f's `<Canvas>` forwards the context).
 *
 * ```tsx
 * <Canvas flat><DigitalHumanAvatar src={url} position={[1, 0, 0]} /></Canvas>
 * ```
 */
export function DigitalHumanAvatar(props: DigitalHumanAvatarProps): ReactNode {
  const { src, framing = 'none', outlines = true, visemeMap, position, rotationY = 0 } = props;
  const session = useDigitalHuman();
  const group = useRef<Group>(null);
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const model = useAvatarModel(src, {
    visemeMap,
    outlines,
    onLoading: () => session.store.getState().setAvatarStatus('loading'),
    onLoad: (avatar) => {
      session.store.getState().setAvatarStatus('ready');
      props.onLoad?.(avatar);
    },
    onError: (error) => {
      session.store.getState().setAvatarStatus('error');
      props.onError?.(error);
    },
  });

  useEffect(() => {
    const parent = group.current;
    if (!model || !parent) return;
    const { vrm } = model.avatar;
    parent.add(vrm.scene);
    vrm.update(0);
    invalidate();
    return () => {
      parent.remove(vrm.scene);
      // The last frame's render lists still point at the removed meshes; let them go now.
      gl.renderLists.dispose();
    };
  }, [model, gl, invalidate]);

  useEffect(() => {
    if (!model || framing === 'none' || !(camera instanceof PerspectiveCamera)) return;
    if (size.width > 0 && size.height > 0) camera.aspect = size.width / size.height;
    frameCamera(camera, model.avatar.vrm, framing);
    invalidate();
  }, [model, framing, camera, size, invalidate]);

  useFrame((state, dt) => {
    if (!model) return;
    const { vrm } = model.avatar;
    applyFaceFrame(vrm, session.mixer.update(state.clock.elapsedTime, dt), model.mapping);
    vrm.update(dt);
  });

  return <group ref={group} position={position ?? ORIGIN} rotation-y={rotationY} />;
}

const ORIGIN: readonly [number, number, number] = [0, 0, 0];
