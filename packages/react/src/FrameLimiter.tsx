import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/** Props of {@link FrameLimiter}. */
interface FrameLimiterProps {
  /** Frames per second at most. */
  maxFps: number;
  paused: boolean;
}

/**
 * Inside a `<Canvas frameloop="demand">`: requests a frame at most `maxFps` times a second (low quality tier,
 * 30 fps on weak phones), and none while paused.
 */
export function FrameLimiter({ maxFps, paused }: FrameLimiterProps): null {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (paused || maxFps <= 0) return;
    const interval = 1000 / maxFps;
    let last = Number.NEGATIVE_INFINITY;
    let handle = 0;
    const tick = (now: number): void => {
      // A little slack so a 60 Hz display lands on every second frame rather than drifting.
      if (now - last >= interval - 2) {
        last = now;
        invalidate();
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [maxFps, paused, invalidate]);
  return null;
}
