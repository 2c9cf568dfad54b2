// Reduced motion: the widgets' CSS already stops animations; the avatar's idle life is the app's choice.
import { DigitalHumanProvider } from '@digital-human/react';
import type { ReactNode } from 'react';

const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;

export function CalmAvatar({ children }: { children: ReactNode }) {
  // Less head sway and fewer eye movements; blinks and breathing stay (a still face looks unwell).
  const idle = reduce ? { swayDeg: 0.5, saccadeInterval: [2, 6] as const, saccadeMaxDeg: 2 } : {};
  return <DigitalHumanProvider options={{ idle }}>{children}</DigitalHumanProvider>;
}
