/**
 * "Full size" links (rehype-figures.ts) open the file in a modal `<dialog>` instead of leaving
 * the page: Esc, the Close button or a click outside the image closes it, and focus returns to
 * the link. The dialog sits in the top layer, so opening it shifts nothing on the page. A paused
 * animation opens as its still, and an animation on a phone as its phone composition. Without
 * JavaScript, or with a modifier key, the link opens the file.
 */
export function enhanceFullSize(doc: Document): void {
  const links = doc.querySelectorAll<HTMLAnchorElement>('a[data-full-size]');
  if (!links.length || typeof HTMLDialogElement !== 'function') return;
  const dialog = doc.createElement('dialog');
  const close = doc.createElement('button');
  const image = doc.createElement('img');
  let trigger: HTMLAnchorElement | undefined;
  dialog.className = 'full-size-dialog';
  close.type = 'button';
  close.className = 'media-control full-size-close';
  close.textContent = 'Close';
  image.decoding = 'async';
  dialog.append(close, image);
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop targets the dialog itself.
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  dialog.addEventListener('close', () => trigger?.focus());
  doc.body.append(dialog);

  for (const link of links) {
    link.addEventListener('click', (event) => {
      if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const described = doc.getElementById(link.getAttribute('aria-describedby') ?? '');
      const paused = link.closest<HTMLElement>('[data-paused]')?.dataset.paused === 'true';
      // An animation's <picture> has already chosen the file that suits this screen (the phone
      // composition on a phone, the still when paused): the dialog shows that one, at its size.
      const shown =
        described instanceof HTMLImageElement &&
        described.closest('[data-media-animation]') &&
        described.currentSrc
          ? described
          : undefined;
      image.src = shown?.currentSrc ?? ((paused && link.dataset.still) || link.href);
      image.alt = described instanceof HTMLImageElement ? described.alt : '';
      image.width = shown?.naturalWidth || Number(link.dataset.width);
      image.height = shown?.naturalHeight || Number(link.dataset.height);
      dialog.setAttribute('aria-label', image.alt || 'Full-size image');
      trigger = link;
      dialog.showModal();
    });
  }
}
