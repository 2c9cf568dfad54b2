import {
  AvatarLoadError,
  type AvatarSource,
  createFaceMapping,
  type FaceMapping,
  type LoadedAvatar,
  loadVRM,
  relaxArms,
  setOutlines,
  type VisemeMap,
} from '@digital-human/avatar';
import { VRMUtils } from '@pixiv/three-vrm';
import { useEffect, useRef, useState } from 'react';

/** A loaded avatar with its face mapping, as held by {@link useAvatarModel}. */
export interface AvatarModel {
  readonly avatar: LoadedAvatar;
  readonly mapping: FaceMapping;
}

/** Options of {@link useAvatarModel}. */
export interface UseAvatarModelOptions {
  visemeMap?: VisemeMap | undefined;
  /** Draw MToon outlines (off on low quality tiers). Default true. */
  outlines?: boolean | undefined;
  onLoad?: ((avatar: LoadedAvatar) => void) | undefined;
  onError?: ((error: AvatarLoadError) => void) | undefined;
  onLoading?: (() => void) | undefined;
}

/**
 * Loads `src` with avatar's `loadVRM` (relaxed arms, outlines per tier, a compiled face mapping) and returns it once
 * ready, null before. A new `src` aborts the load in flight; the previous model and the model of an unmounted
 * component are freed with `VRMUtils.deepDispose`. Errors reach `onError` as typed {@link AvatarLoadError}s
 * (aborts are silent).
 */
export function useAvatarModel(src: AvatarSource, options: UseAvatarModelOptions = {}): AvatarModel | null {
  const [model, setModel] = useState<AvatarModel | null>(null);
  const callbacks = useRef(options);
  callbacks.current = options;
  const { visemeMap, outlines = true } = options;
  useEffect(() => {
    const controller = new AbortController();
    let loaded: LoadedAvatar | null = null;
    callbacks.current.onLoading?.();
    loadVRM(src, { signal: controller.signal }).then(
      (avatar) => {
        if (controller.signal.aborted) {
          VRMUtils.deepDispose(avatar.vrm.scene);
          return;
        }
        loaded = avatar;
        relaxArms(avatar.vrm);
        setOutlines(avatar.vrm, outlines);
        setModel({ avatar, mapping: createFaceMapping(avatar.vrm, visemeMap) });
        callbacks.current.onLoad?.(avatar);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const typed =
          error instanceof AvatarLoadError
            ? error
            : new AvatarLoadError('corrupt', 'loading failed', { cause: error });
        callbacks.current.onError?.(typed);
      },
    );
    return () => {
      controller.abort();
      setModel(null);
      if (!loaded) return;
      // Detach first so no frame renders (and re-uploads) the freed meshes before React re-renders.
      loaded.vrm.scene.removeFromParent();
      VRMUtils.deepDispose(loaded.vrm.scene);
    };
  }, [src, visemeMap, outlines]);
  return model;
}
