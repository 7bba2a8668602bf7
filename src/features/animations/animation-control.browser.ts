/**
 * Pause/play for looping animations (WCAG 2.2.2). An animated image cannot be paused, so
 * pausing swaps every candidate (`<source>` and `<img>`) to the still first frame, and playing
 * swaps back. Readers who prefer reduced motion start paused (the markup already shows them the
 * still through a `prefers-reduced-motion` source, so nothing moves before this script runs).
 */
export function enhanceAnimations(root: ParentNode, reducedMotion: boolean): void {
  for (const wrapper of root.querySelectorAll<HTMLElement>('[data-media-animation="controlled"]')) {
    const button = wrapper.querySelector<HTMLButtonElement>('[data-media-toggle]');
    if (!button) continue;
    const candidates = wrapper.querySelectorAll<HTMLSourceElement | HTMLImageElement>('[data-still][data-moving]');
    const show = (paused: boolean) => {
      for (const candidate of candidates) {
        const url = (paused ? candidate.dataset.still : candidate.dataset.moving) ?? '';
        if (candidate instanceof HTMLSourceElement) candidate.srcset = url;
        else candidate.src = url;
      }
      wrapper.dataset.paused = String(paused);
      button.textContent = paused ? 'Play animation' : 'Pause animation';
    };
    let paused = reducedMotion;
    show(paused);
    button.hidden = false;
    button.addEventListener('click', () => {
      paused = !paused;
      show(paused);
    });
  }
}
