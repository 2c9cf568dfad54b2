import { describe, expect, it } from 'vitest';
import type { OperatorProfile } from './handoffTypes';
import { type RoutableRequest, type RoutingCandidate, SkillRouter } from './SkillRouter';

const soother: OperatorProfile = { id: 'op-soothe', skills: ['soothing', 'complaints'], capacity: 2 };
const wealth: OperatorProfile = { id: 'op-wealth', skills: ['wealth'], capacity: 2 };
const generalist: OperatorProfile = { id: 'op-general', skills: ['general'] };
const request = (skills: string[], requestedAt = 0, reason: RoutableRequest['reason'] = 'complaint') => ({
  skills,
  requestedAt,
  reason,
});
const candidates = (loads: Record<string, number>): RoutingCandidate[] =>
  [soother, wealth, generalist].map((profile) => ({ profile, load: loads[profile.id] ?? 0 }));

describe('SkillRouter', () => {
  const router = new SkillRouter({ widenAfterMs: 10_000 });

  it('ranks operators with the requested skills first, then the least loaded', () => {
    const ranked = router.rank(request(['soothing']), candidates({ 'op-soothe': 1 }));
    expect(ranked.map((p) => p.id)).toEqual(['op-soothe', 'op-wealth', 'op-general']);
    const wealthy = router.rank(request(['wealth']), candidates({ 'op-general': 0, 'op-soothe': 0 }));
    expect(wealthy[0]?.id).toBe('op-wealth');
  });

  it('leaves out operators at capacity', () => {
    const ranked = router.rank(request(['soothing']), candidates({ 'op-soothe': 2 }));
    expect(ranked.map((p) => p.id)).not.toContain('op-soothe');
  });

  it('shows a request only to matching operators while one of them has room', () => {
    const all = candidates({});
    const r = request(['wealth'], 1_000);
    expect(router.visibleTo(r, wealth, all, 2_000)).toBe(true);
    expect(router.visibleTo(r, soother, all, 2_000)).toBe(false);
    expect(router.visibleTo(r, generalist, all, 2_000)).toBe(false);
  });

  it('widens to everyone after widenAfterMs', () => {
    const r = request(['wealth'], 1_000);
    expect(router.visibleTo(r, soother, candidates({}), 10_999)).toBe(false);
    expect(router.visibleTo(r, soother, candidates({}), 11_000)).toBe(true);
  });

  it('widens at once when no matching operator has room', () => {
    const r = request(['wealth'], 1_000);
    expect(router.visibleTo(r, soother, candidates({ 'op-wealth': 2 }), 1_001)).toBe(true);
    const onlyOthers = candidates({}).filter((c) => c.profile.id !== 'op-wealth');
    expect(router.visibleTo(r, generalist, onlyOthers, 1_001)).toBe(true);
  });

  it('orders a queue: matching skills, then urgency, then age', () => {
    const a = { ...request(['wealth'], 1), id: 'a' };
    const b = { ...request(['soothing'], 5, 'explicit'), id: 'b' };
    const c = { ...request(['soothing'], 9, 'negative_sentiment'), id: 'c' };
    const d = { ...request(['soothing'], 2, 'explicit'), id: 'd' };
    expect(router.order([a, b, c, d], soother).map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(router.order([a, b, c, d], wealth).map((r) => r.id)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('a request without skills matches everyone', () => {
    expect(router.matches(wealth, [])).toBe(1);
    expect(router.visibleTo(request([], 0), wealth, candidates({}), 1)).toBe(true);
  });
});
