import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import thumbnailUrl from '@digital-human/avatars/thumbnail.png?url';
import { type ReactNode, useEffect, useState } from 'react';
import { createDigitalHumanSession, type DigitalHumanSession } from '../src/createDigitalHumanSession';
import { DigitalHuman, type DigitalHumanProps } from '../src/DigitalHuman';
import { DigitalHumanProvider } from '../src/DigitalHumanProvider';
import { useAvatarState } from '../src/hooks';

/** Props of {@link StoryAvatar}. */
export interface StoryAvatarProps extends Partial<DigitalHumanProps> {
  /** Runs once the session exists; returns its cleanup (e.g. a speech loop's stop). */
  setup?: (session: DigitalHumanSession) => (() => void) | undefined;
  width?: number;
  height?: number;
}

/**
 * Story-only: a session, the project's avatar at phone size and a status line (`data-testid="status"`) that
 * play functions wait on.
 */
export function StoryAvatar({ setup, width = 360, height = 480, ...props }: StoryAvatarProps): ReactNode {
  const [session] = useState(createDigitalHumanSession);
  useEffect(() => setup?.(session), [session, setup]);
  useEffect(() => () => session.dispose(), [session]);
  return (
    <DigitalHumanProvider session={session}>
      <div style={{ width, height, position: 'relative' }}>
        <DigitalHuman src={avatarUrl} portrait={thumbnailUrl} {...props} />
      </div>
      <Status />
    </DigitalHumanProvider>
  );
}

function Status(): ReactNode {
  const { status, speaking } = useAvatarState();
  return (
    <p data-testid="status" data-speaking={speaking} style={{ font: '12px system-ui', color: '#567' }}>
      {status}
    </p>
  );
}
