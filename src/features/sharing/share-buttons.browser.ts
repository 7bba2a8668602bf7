/** Share buttons (ShareButtons.astro): Copy link and the system share sheet, shown only where the browser can do them. */
export function enhanceShareButtons(doc: Document): void {
  // Progressive enhancement: the buttons stay hidden unless the browser can do what they offer.
  for (const root of doc.querySelectorAll<HTMLElement>('[data-share]')) {
    const { url = location.href, title = document.title } = root.dataset;
    const status = root.querySelector<HTMLElement>('.share-status');
    const copy = root.querySelector<HTMLButtonElement>('[data-share-copy]');
    const native = root.querySelector<HTMLButtonElement>('[data-share-native]');
    let clear: ReturnType<typeof setTimeout> | undefined;
    const say = (message: string) => {
      if (!status) return;
      status.textContent = message;
      clearTimeout(clear);
      clear = setTimeout(() => (status.textContent = ''), 4000);
    };
    if (copy && navigator.clipboard) {
      copy.closest('li')!.hidden = false;
      copy.addEventListener('click', () => {
        navigator.clipboard.writeText(url).then(
          () => say('Link copied.'),
          () => say('Could not copy; copy the address from the address bar.'),
        );
      });
    }
    if (native && typeof navigator.share === 'function') {
      const item = native.closest('li')!;
      item.hidden = false;
      // Phones share through the system sheet first; elsewhere X leads and the sheet follows.
      // The node moves, so tab order follows what is on screen.
      if (!matchMedia('(pointer: coarse)').matches)
        root.querySelector('[data-network="x"]')?.after(item);
      native.addEventListener('click', () => navigator.share({ title, url }).catch(() => {}));
    }
  }
}
