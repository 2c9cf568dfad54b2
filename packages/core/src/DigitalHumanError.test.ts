import { describe, expect, it } from 'vitest';
import { DigitalHumanError } from './DigitalHumanError';

type AvatarCode = 'fetch-failed' | 'not-vrm';
class AvatarLoadError extends DigitalHumanError<AvatarCode> {
  static override readonly owner = 'DigitalHuman.Avatar';
  override readonly name = 'AvatarLoadError';
  static notVrm(url: string, cause?: unknown): AvatarLoadError {
    return new AvatarLoadError('not-vrm', `${url} is not a VRM file`, { cause });
  }
}

describe('DigitalHumanError', () => {
  it('carries a code, an owner-prefixed message and the cause', () => {
    const cause = new TypeError('boom');
    const error = DigitalHumanError.timeout('no answer within 5 s', cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('DigitalHuman: no answer within 5 s');
    expect(error.owner).toBe('DigitalHuman');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('DigitalHumanError');
  });

  it('leaves cause unset when none is given', () => {
    const error = DigitalHumanError.invalidArgument('bad');
    expect('cause' in error).toBe(false);
    expect(DigitalHumanError.disposed('Mixer').message).toBe('DigitalHuman: Mixer was used after dispose()');
  });

  it('lets subclasses set their owner prefix, name and code union without a constructor', () => {
    const cause = new Error('404');
    const error = AvatarLoadError.notVrm('a.glb', cause);
    expect(error).toBeInstanceOf(AvatarLoadError);
    expect(error).toBeInstanceOf(DigitalHumanError);
    expect(error.message).toBe('DigitalHuman.Avatar: a.glb is not a VRM file');
    expect(error.name).toBe('AvatarLoadError');
    expect(error.code).toBe('not-vrm');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('AvatarLoadError: DigitalHuman.Avatar: a.glb is not a VRM file');
  });

  it('recognises its instances with is()', () => {
    const error = DigitalHumanError.notSupported('no WebGL2');
    expect(DigitalHumanError.is(error)).toBe(true);
    expect(DigitalHumanError.is(error, 'not-supported')).toBe(true);
    expect(DigitalHumanError.is(error, 'timeout')).toBe(false);
    expect(DigitalHumanError.is(new Error('x'))).toBe(false);
    expect(DigitalHumanError.is(AvatarLoadError.notVrm('x'), 'not-vrm')).toBe(true);
  });
});
