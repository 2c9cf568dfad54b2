import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { DigitalHumanError } from './DigitalHumanError';
import { Emitter } from './Emitter';
import { waitForEvent } from './waitForEvent';

interface TestEvents {
  value: number;
  ping: undefined;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Emitter', () => {
  it('calls listeners in order and stops after unsubscribe', () => {
    const events = new Emitter<TestEvents>();
    const seen: string[] = [];
    const offA = events.on('value', (v) => seen.push(`a${v}`));
    events.on('value', (v) => seen.push(`b${v}`));
    expect(events.emit('value', 1)).toBe(true);
    offA();
    offA();
    events.emit('value', 2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
    expect(events.listenerCount('value')).toBe(1);
  });

  it('supports once, off and void events', () => {
    const events = new Emitter<TestEvents>();
    const once = vi.fn();
    const fn = vi.fn();
    events.once('value', once);
    events.on('ping', fn);
    events.emit('value', 3);
    events.emit('value', 4);
    events.emit('ping');
    events.off('ping', fn);
    events.emit('ping');
    expect(once).toHaveBeenCalledTimes(1);
    expect(once).toHaveBeenCalledWith(3);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(events.emit('ping')).toBe(false);
  });

  it('off removes a once listener before it fires', () => {
    const events = new Emitter<TestEvents>();
    const fn = vi.fn();
    events.once('value', fn);
    events.off('value', fn);
    events.emit('value', 1);
    expect(fn).not.toHaveBeenCalled();
  });

  it('isolates a throwing listener and reports it to onListenerError', () => {
    const errors: unknown[] = [];
    const events = new Emitter<TestEvents>({ onListenerError: (e, type) => errors.push([type, e]) });
    const boom = new Error('boom');
    const after = vi.fn();
    events.on('value', () => {
      throw boom;
    });
    events.on('value', after);
    expect(() => events.emit('value', 7)).not.toThrow();
    expect(after).toHaveBeenCalledWith(7);
    expect(errors).toEqual([['value', boom]]);
  });

  it('reports through console.error by default', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = new Emitter<TestEvents>();
    events.on('ping', () => {
      throw new Error('x');
    });
    events.emit('ping');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]![0])).toContain('DigitalHuman: a listener of "ping" threw');
  });

  it('does not change who receives an emission while it runs', () => {
    const events = new Emitter<TestEvents>();
    const late = vi.fn();
    const second = vi.fn();
    events.on('value', () => {
      events.on('value', late);
      events.off('value', second);
    });
    events.on('value', second);
    events.emit('value', 1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(late).not.toHaveBeenCalled();
    events.emit('value', 2);
    expect(late).toHaveBeenCalledWith(2);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('removes all listeners of one type or of all types', () => {
    const events = new Emitter<TestEvents>();
    events.on('value', () => {});
    events.on('ping', () => {});
    events.removeAllListeners('value');
    expect(events.listenerCount('value')).toBe(0);
    expect(events.listenerCount('ping')).toBe(1);
    events.removeAllListeners();
    expect(events.listenerCount('ping')).toBe(0);
  });
});

describe('Emitter types', () => {
  it('types payloads per event and requires them unless void', () => {
    const events = new Emitter<TestEvents>();
    events.on('value', (v) => expectTypeOf(v).toEqualTypeOf<number>());
    expectTypeOf(events.on<'value'>).returns.toEqualTypeOf<() => void>();
    // @ts-expect-error: 'value' needs a number
    events.emit('value');
    // @ts-expect-error: unknown event
    events.on('nope', () => {});
    expectTypeOf(waitForEvent(events, 'value')).toEqualTypeOf<Promise<number>>();
  });
});

describe('waitForEvent', () => {
  it('resolves with the payload of the next event', async () => {
    const events = new Emitter<TestEvents>();
    const wait = waitForEvent(events, 'value', 1000);
    events.emit('value', 42);
    await expect(wait).resolves.toBe(42);
    expect(events.listenerCount('value')).toBe(0);
  });

  it('rejects with a timeout error and unsubscribes', async () => {
    vi.useFakeTimers();
    try {
      const events = new Emitter<TestEvents>();
      const wait = waitForEvent(events, 'ping', 50);
      const check = expect(wait).rejects.toSatisfy((e) => DigitalHumanError.is(e, 'timeout'));
      vi.advanceTimersByTime(51);
      await check;
      expect(events.listenerCount('ping')).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
