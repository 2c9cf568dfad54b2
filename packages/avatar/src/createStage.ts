import { AmbientLight, DirectionalLight, PerspectiveCamera, Scene } from 'three';

/** The scene, camera and lights an {@link AvatarView} renders. */
export interface Stage {
  readonly scene: Scene;
  readonly camera: PerspectiveCamera;
}

/**
 * Creates a scene with lights suited to toon (MToon) shading: a soft key light from the front right and above,
 * a flat ambient fill so the shade colours stay readable, and a rim light from behind to lift the silhouette off
 * the background. Intensities assume three's physically based light units (hence the multiples of PI).
 */
export function createStage(): Stage {
  const scene = new Scene();
  const camera = new PerspectiveCamera(30, 1, 0.01, 100);
  const key = new DirectionalLight(0xffffff, Math.PI * 0.85);
  key.position.set(0.6, 1.2, 1.5);
  const fill = new AmbientLight(0xffffff, Math.PI * 0.25);
  const rim = new DirectionalLight(0xdfe8ff, Math.PI * 0.35);
  rim.position.set(-1, 1.5, -1.5);
  scene.add(key, fill, rim);
  return { scene, camera };
}
