import { LiveKitTransport } from '@digital-human/livekit';
import type { Transport } from '@digital-human/protocol';
import { DigitalHumanElementError } from './DigitalHumanElementError';
import { LiveKitLink } from './LiveKitLink';
import type { TransportContext } from './transportRegistry';

/**
 * The built-in `livekit` transport: joins the room with a token from the `token-endpoint` attribute, POSTing the
 * language and the host's user context as the JSON body (the bank's endpoint decides what it trusts).
 */
export function createLiveKitTransport(context: TransportContext): Transport {
  if (!context.tokenEndpoint)
    throw DigitalHumanElementError.transportFailed('transport="livekit" needs a token-endpoint attribute');
  const transport = new LiveKitTransport({
    tokenEndpoint: context.tokenEndpoint,
    tokenRequest: { body: { language: context.language, ...context.userContext } },
    audioContext: context.audioContext,
  });
  return new LiveKitLink(transport);
}
