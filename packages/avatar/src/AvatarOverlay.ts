/** A neutral head-and-shoulders silhouette, used when there is no WebGL and no portrait URL. */
const PLACEHOLDER_PORTRAIT = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">' +
    '<rect width="200" height="200" fill="#e8edf3"/>' +
    '<circle cx="100" cy="80" r="38" fill="#b7c3d1"/>' +
    '<path d="M30 200c4-46 34-72 70-72s66 26 70 72z" fill="#b7c3d1"/></svg>',
)}`;

/**
 * The DOM layered over the avatar canvas: a captions line (text only, set with `textContent`) and, in fallback
 * mode, a still portrait in place of the 3D view.
 */
export class AvatarOverlay {
  /** The captions element; screen readers hear changes (`aria-live="polite"`). */
  readonly captions: HTMLDivElement;
  /** The portrait image, present once {@link showPortrait} has been called. */
  portrait: HTMLImageElement | null = null;

  constructor(private readonly parent: HTMLElement | null) {
    this.captions = document.createElement('div');
    this.captions.className = 'dh-avatar-captions';
    this.captions.setAttribute('aria-live', 'polite');
    const style = this.captions.style;
    style.position = 'absolute';
    style.left = '0';
    style.right = '0';
    style.bottom = '0';
    style.padding = '0.5em 1em';
    style.textAlign = 'center';
    style.pointerEvents = 'none';
    style.display = 'none';
    parent?.appendChild(this.captions);
  }

  /** Shows `text` as the caption (as plain text, never HTML); an empty string hides the line. */
  setCaption(text: string): void {
    this.captions.textContent = text;
    this.captions.style.display = text === '' ? 'none' : 'block';
  }

  /** Shows a still portrait filling the parent: `url`, or a neutral placeholder drawn without WebGL. */
  showPortrait(url: string | undefined, alt: string): HTMLImageElement {
    const img = this.portrait ?? document.createElement('img');
    img.className = 'dh-avatar-portrait';
    img.alt = alt;
    img.src = url ?? PLACEHOLDER_PORTRAIT;
    img.onerror = () => {
      img.onerror = null;
      img.src = PLACEHOLDER_PORTRAIT;
    };
    const style = img.style;
    style.position = 'absolute';
    style.inset = '0';
    style.width = '100%';
    style.height = '100%';
    style.objectFit = 'cover';
    if (!this.portrait) this.parent?.insertBefore(img, this.captions);
    this.portrait = img;
    return img;
  }

  /** Removes the elements this overlay added. */
  dispose(): void {
    this.captions.remove();
    this.portrait?.remove();
    this.portrait = null;
  }
}
