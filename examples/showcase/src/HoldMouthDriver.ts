import { Channel, type Driver, type FaceFrame, type Viseme, VisemeIndex } from '@digital-human/core';

/**
 * The viewer's mouth control: holds one viseme at a weight until released. (Speech drives the mouth through the
 * lip-sync package's SpeechDriver; this is only for trying mouth shapes by hand.)
 */
export class HoldMouthDriver implements Driver {
  readonly name = 'hold-mouth';
  readonly priority = 20;
  private index = -1;
  private weight = 0;

  hold(viseme: Viseme | null, weight = 1): void {
    this.index = viseme === null ? -1 : VisemeIndex[viseme];
    this.weight = weight;
  }

  update(_time: number, _dt: number, out: FaceFrame): number {
    if (this.index < 0) return 0;
    out.visemes[this.index] = this.weight;
    return Channel.mouth;
  }
}
