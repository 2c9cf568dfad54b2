import type { Clock } from '@digital-human/core';
import { LiveKitTransport, PuppetLink } from '@digital-human/livekit';
import type { Transport } from '@digital-human/protocol';
import { DigitalHumanElementError } from './DigitalHumanElementError';
import { LiveKitLink } from './LiveKitLink';
import type { TransportContext } from './transportRegistry';

/** The avatar's render-loop clock (`requestAnimationFrame` time in seconds): stamps the operator's face frames. */
const RENDER_CLOCK: Clock = { now: () => performance.now() / 1000 };

/**
 * The built-in `livekit` transport: joins the room with a token from the `token-endpoint` attribute, POSTing the
 * language and the host's user context as the JSON body (the bank's endpoint decides what it trusts). A human
 * operator who takes over drives the avatar's face and voice through a `PuppetLink` on the element's mixer.
 */
export function createLiveKitTransport(context: TransportContext): Transport {
  if (!context.tokenEndpoint)
    throw DigitalHumanElementError.transportFailed('transport="livekit" needs a token-endpoint attribute');
  const transport = new LiveKitTransport({
    tokenEndpoint: context.tokenEndpoint,
    tokenRequest: { body: { language: context.language, ...context.userContext } },
    audioContext: context.audioContext,
  });
  const { mixer, store } = context;
  const puppet = new PuppetLink(transport, { mixer, controller: store, clock: RENDER_CLOCK });
  return new LiveKitLink(transport, puppet);
}
