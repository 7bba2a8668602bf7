/** Stills fetched ahead of printing; referenced so the browser keeps them decoded. */
const warmed: HTMLImageElement[] = [];

/**
 * Printing lays the page out again at once and does not wait for images: the print source's
 * still (the message frame) must already be loaded, or the page prints the animation's first
 * frame. So once an animation itself has loaded, its print still is fetched too.
 */
function warmPrintStill(frame: HTMLElement): void {
  const img = frame.querySelector('img');
  const still = frame.querySelector<HTMLSourceElement>('source[media="print"]')?.srcset;
  if (!img || !still) return;
  const warm = () => {
    const image = new Image();
    image.src = still;
    warmed.push(image);
  };
  if (img.complete && img.naturalWidth) warm();
  else img.addEventListener('load', warm, { once: true });
}

/**
 * Pause/play for looping animations (WCAG 2.2.2). An animated image cannot be paused, so
 * pausing swaps every candidate (`<source>` and `<img>` with `data-still`) to the
 * still, the frame that carries the message, and playing swaps back. Readers who prefer reduced
 * motion start paused (the markup already shows them the still through a `prefers-reduced-motion`
 * source, so nothing moves before this script runs). The print source always shows the still.
 */
export function enhanceAnimations(root: ParentNode, reducedMotion: boolean): void {
  for (const frame of root.querySelectorAll<HTMLElement>('[data-media-animation]')) {
    warmPrintStill(frame);
    const button = frame.querySelector<HTMLButtonElement>('[data-media-toggle]');
    const label = button?.querySelector('.media-toggle-text');
    if (!button || !label) continue;
    // The moving file: `data-moving` where the markup starts with the still, else what it shows.
    const candidates = [
      ...frame.querySelectorAll<HTMLSourceElement | HTMLImageElement>(
        'source[data-still], img[data-still]',
      ),
    ].map((el) => ({
      el,
      still: el.dataset.still!,
      moving: el.dataset.moving ?? (el instanceof HTMLSourceElement ? el.srcset : el.src),
    }));
    const show = (paused: boolean) => {
      for (const { el, still, moving } of candidates) {
        const url = paused ? still : moving;
        if (el instanceof HTMLSourceElement) el.srcset = url;
        else el.src = url;
      }
      frame.dataset.paused = String(paused);
      label.textContent = paused ? 'Play' : 'Pause';
    };
    let paused = reducedMotion;
    if (paused) show(true);
    else frame.dataset.paused = 'false';
    button.hidden = false;
    button.addEventListener('click', () => show((paused = !paused)));
  }
}
