import type { AvatarStatus, Caption, ConnectionState, Controller, Language } from '@digital-human/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { DigitalHumanSession } from '../src/createDigitalHumanSession';
import {
  type AvatarState,
  useAvatarState,
  useCaptions,
  useConnectionState,
  useDigitalHuman,
  useSessionState,
} from '../src/hooks';

describe('hook types', () => {
  it('return the session and store slices', () => {
    expectTypeOf(useDigitalHuman).returns.toEqualTypeOf<DigitalHumanSession>();
    expectTypeOf(useCaptions).returns.toEqualTypeOf<readonly Caption[]>();
    expectTypeOf(useConnectionState).returns.toEqualTypeOf<ConnectionState>();
    expectTypeOf(useAvatarState).returns.toEqualTypeOf<AvatarState>();
    expectTypeOf<AvatarState['status']>().toEqualTypeOf<AvatarStatus>();
    expectTypeOf<AvatarState['controller']>().toEqualTypeOf<Controller>();
    expectTypeOf<AvatarState['language']>().toEqualTypeOf<Language>();
  });

  it('infer the selected type of useSessionState', () => {
    expectTypeOf(useSessionState((s) => s.speaking)).toEqualTypeOf<boolean>();
    expectTypeOf(useSessionState((s) => s.captions.length)).toEqualTypeOf<number>();
    // @ts-expect-error: not a field of the session state
    useSessionState((s) => s.nope);
  });

  it('type the session actions', () => {
    expectTypeOf<DigitalHumanSession['setLanguage']>().parameter(0).toEqualTypeOf<Language>();
    // @ts-expect-error: not a language
    useDigitalHuman().setLanguage('fr');
  });
});
