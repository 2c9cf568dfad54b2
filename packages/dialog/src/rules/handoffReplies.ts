import type { Localized } from '../language';
import type { EmotionHint } from '../TurnWriter';
import type { HandoffReason } from './EscalationPolicy';
import { Replies } from './replies';

/** The reply (and skills) for each handoff reason. */
export const HANDOFF_REPLIES: Record<
  HandoffReason,
  { reply: Localized; emotion: EmotionHint; skills: readonly string[] }
> = {
  explicit: {
    reply: Replies.handoff,
    emotion: { emotion: 'relaxed', intensity: 0.4 },
    skills: ['general'],
  },
  complaint: {
    reply: Replies.complaint,
    emotion: { emotion: 'sad', intensity: 0.3 },
    skills: ['complaints', 'soothing'],
  },
  complex_advice: {
    reply: Replies.handoff,
    emotion: { emotion: 'relaxed', intensity: 0.4 },
    skills: ['wealth'],
  },
  negative_sentiment: {
    reply: Replies.handoffSentiment,
    emotion: { emotion: 'sad', intensity: 0.3 },
    skills: ['soothing'],
  },
  no_progress: {
    reply: Replies.handoffNoProgress,
    emotion: { emotion: 'relaxed', intensity: 0.4 },
    skills: ['general'],
  },
  flow_rule: {
    reply: Replies.handoff,
    emotion: { emotion: 'relaxed', intensity: 0.4 },
    skills: ['general'],
  },
};
