import { describe, expect, it } from 'vitest';
import { HandoffError } from './HandoffError';
import { HandoffStateMachine } from './HandoffStateMachine';

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return e instanceof HandoffError ? e.code : 'not-a-handoff-error';
  }
  return undefined;
}

describe('HandoffStateMachine', () => {
  it('walks request → live → holding → live → background → live → ai', () => {
    const m = new HandoffStateMachine();
    expect(m.request('complaint')).toEqual({ from: 'ai', to: 'waiting', operatorId: undefined });
    expect(m.reason).toBe('complaint');
    expect(m.takeOver('op-1')).toEqual({ from: 'waiting', to: 'live', operatorId: 'op-1' });
    expect(m.park('op-1', 'hold').to).toBe('holding');
    expect(m.takeOver('op-1')).toEqual({ from: 'holding', to: 'live', operatorId: 'op-1' });
    expect(m.park('op-1', 'ai').to).toBe('background');
    expect(m.takeOver('op-1').to).toBe('live');
    expect(m.handBack('op-1')).toEqual({ from: 'live', to: 'ai', operatorId: undefined });
    expect(m.reason).toBeUndefined();
  });

  it('refuses a take over without a request', () => {
    const m = new HandoffStateMachine();
    expect(code(() => m.takeOver('op-1'))).toBe('conflict');
    expect(m.phase).toBe('ai');
  });

  it('refuses another operator on a held session, and changes nothing', () => {
    const m = new HandoffStateMachine();
    m.request('explicit');
    m.takeOver('op-1');
    expect(code(() => m.takeOver('op-2'))).toBe('forbidden');
    expect(code(() => m.handBack('op-2'))).toBe('forbidden');
    expect(code(() => m.park('op-2', 'hold'))).toBe('forbidden');
    expect(m.phase).toBe('live');
    expect(m.operatorId).toBe('op-1');
  });

  it('treats repeated commands as no change', () => {
    const m = new HandoffStateMachine();
    m.request('explicit');
    expect(m.request('complaint')).toEqual({ from: 'waiting', to: 'waiting', operatorId: undefined });
    expect(m.reason).toBe('explicit');
    m.takeOver('op-1');
    const again = m.takeOver('op-1');
    expect(again.from).toBe(again.to);
  });

  it('cannot park or hand back what nobody holds', () => {
    const m = new HandoffStateMachine();
    expect(code(() => m.handBack('op-1'))).toBe('conflict');
    m.request('explicit');
    expect(code(() => m.park('op-1', 'hold'))).toBe('conflict');
  });

  it('close() ends any phase', () => {
    const m = new HandoffStateMachine();
    m.request('explicit');
    m.takeOver('op-1');
    expect(m.close()).toEqual({ from: 'live', to: 'ai', operatorId: undefined });
    expect(m.operatorId).toBeUndefined();
  });
});
