import type { Caption } from '@digital-human/core';

/** Styles of the element's shadow root; the page can restyle parts with `::part(stage|portrait|captions)`. */
const STYLE = `
:host { display: block; position: relative; overflow: hidden; width: 100%; height: 100%; min-height: 240px;
  contain: content; background: transparent; }
:host([hidden]) { display: none; }
.stage { position: absolute; inset: 0; }
.portrait { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
.portrait[hidden] { display: none; }
.captions { position: absolute; left: 6%; right: 6%; bottom: 4%; margin: 0; padding: 0; text-align: center;
  color: #fff; font: 500 15px/1.4 system-ui, sans-serif; pointer-events: none; }
.captions p { display: inline-block; margin: 0.2em 0; padding: 0.2em 0.6em; border-radius: 6px;
  background: rgba(16, 26, 40, 0.72); }
.captions p[data-speaker='customer'] { background: rgba(31, 78, 140, 0.8); }
`;

/** How many caption lines are shown at once. */
const CAPTION_LINES = 2;

/**
 * The element's shadow DOM: the stage the avatar view renders into, a still portrait for the fallback, and the
 * captions as plain text (`textContent`, never HTML) in a polite `aria-live` log region.
 */
export class ElementShadow {
  /** Where the avatar view mounts its canvas. */
  readonly stage: HTMLDivElement;
  /** The fallback portrait (hidden while the 3D avatar shows). */
  readonly portrait: HTMLImageElement;
  /** The captions region. */
  readonly captions: HTMLDivElement;

  constructor(
    private readonly root: ShadowRoot,
    placeholder: string,
  ) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.stage = document.createElement('div');
    this.stage.className = 'stage';
    this.stage.setAttribute('part', 'stage');
    this.portrait = document.createElement('img');
    this.portrait.className = 'portrait';
    this.portrait.setAttribute('part', 'portrait');
    this.portrait.hidden = true;
    // A missing portrait file shows the neutral silhouette instead of a broken image.
    this.portrait.addEventListener('error', () => {
      if (this.portrait.src !== placeholder) this.portrait.src = placeholder;
    });
    this.captions = document.createElement('div');
    this.captions.className = 'captions';
    this.captions.setAttribute('part', 'captions');
    this.captions.setAttribute('role', 'log');
    this.captions.setAttribute('aria-live', 'polite');
    this.root.replaceChildren(style, this.stage, this.portrait, this.captions);
  }

  /** Sets the accessible names in the page's language. */
  setLanguage(language: string): void {
    const zh = language.startsWith('zh');
    this.captions.setAttribute('aria-label', zh ? '字幕' : 'Captions');
    this.portrait.alt = zh ? '数字人助手' : 'Digital assistant';
  }

  /** Shows the latest captions, each as a text-only line. */
  renderCaptions(captions: readonly Caption[]): void {
    const shown = captions.slice(Math.max(0, captions.length - CAPTION_LINES));
    const lines = shown.map((caption) => {
      const line = document.createElement('p');
      line.dataset.speaker = caption.speaker;
      line.textContent = caption.text;
      return line;
    });
    this.captions.replaceChildren(...lines);
  }

  /** Hides the 3D stage and shows the still portrait `url`. */
  showFallback(url: string): void {
    this.stage.hidden = true;
    this.portrait.src = url;
    this.portrait.hidden = false;
  }

  /** Shows the 3D stage again (a new avatar is loading). */
  showStage(): void {
    this.stage.hidden = false;
    this.portrait.hidden = true;
  }

  /** Empties the shadow root. */
  dispose(): void {
    this.root.replaceChildren();
  }
}
