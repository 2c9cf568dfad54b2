import type { HandoffReason, OperatorProfile } from './handoffTypes';

/** Options of a {@link SkillRouter}. */
export interface SkillRouterOptions {
  /** After this long a request is offered to every operator, not only the matching ones (default 20 000 ms). */
  readonly widenAfterMs?: number;
}

/** An online operator with the sessions they hold now. */
export interface RoutingCandidate {
  readonly profile: OperatorProfile;
  /** Sessions held (live, holding or background). */
  readonly load: number;
}

/** A waiting request as the router needs it. */
export interface RoutableRequest {
  readonly skills: readonly string[];
  readonly reason: HandoffReason | undefined;
  readonly requestedAt: number | undefined;
}

/** Default number of sessions one operator holds at once. */
export const DEFAULT_OPERATOR_CAPACITY = 3;

/** Upset customers first, then explicit requests, then the rest. */
const URGENCY: Readonly<Record<HandoffReason, number>> = {
  complaint: 0,
  negative_sentiment: 0,
  explicit: 1,
  complex_advice: 2,
  no_progress: 2,
  flow_rule: 2,
};

/**
 * Skills routing: the bank gives each operator skills (soothing upset customers, wealth products, cards...), a
 * request names the skills it needs, and a request goes first to the operators who have one of them and still have
 * room. It widens to everyone when no matching operator has room, or after `widenAfterMs`.
 */
export class SkillRouter {
  private readonly widenAfterMs: number;

  constructor(options: SkillRouterOptions = {}) {
    this.widenAfterMs = options.widenAfterMs ?? 20_000;
  }

  /** How many of the request's skills the operator has (a request without skills matches everyone once). */
  matches(profile: OperatorProfile, skills: readonly string[]): number {
    if (skills.length === 0) return 1;
    let n = 0;
    for (const s of skills) if (profile.skills.includes(s)) n += 1;
    return n;
  }

  /** True when the operator can take one more session. */
  hasRoom(candidate: RoutingCandidate): boolean {
    return candidate.load < (candidate.profile.capacity ?? DEFAULT_OPERATOR_CAPACITY);
  }

  /** Operators with room for the request, best first: more matching skills, then fewer sessions held. */
  rank(request: RoutableRequest, candidates: readonly RoutingCandidate[]): OperatorProfile[] {
    return candidates
      .filter((c) => this.hasRoom(c))
      .map((c) => ({ c, score: this.matches(c.profile, request.skills) }))
      .sort((a, b) => b.score - a.score || a.c.load - b.c.load)
      .map(({ c }) => c.profile);
  }

  /** True when `operator` should see the request in their queue now. */
  visibleTo(
    request: RoutableRequest,
    operator: OperatorProfile,
    candidates: readonly RoutingCandidate[],
    now: number,
  ): boolean {
    if (this.matches(operator, request.skills) > 0) return true;
    if (request.requestedAt !== undefined && now - request.requestedAt >= this.widenAfterMs) return true;
    return !candidates.some((c) => this.hasRoom(c) && this.matches(c.profile, request.skills) > 0);
  }

  /** Orders an operator's queue: requests matching their skills first, then the most urgent, then the oldest. */
  order<T extends RoutableRequest>(requests: readonly T[], operator: OperatorProfile): T[] {
    const key = (r: T) => [
      this.matches(operator, r.skills) > 0 ? 0 : 1,
      r.reason === undefined ? 3 : URGENCY[r.reason],
      r.requestedAt ?? 0,
    ];
    return [...requests].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return 0;
    });
  }
}
