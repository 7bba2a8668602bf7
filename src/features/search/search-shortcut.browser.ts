/**
 * `/` from anywhere: focuses the search field on the search page, elsewhere opens the search page
 * (the header's search entry). Nothing of search itself loads until then.
 */
export function enhanceSearchShortcut(doc: Document): void {
  const entry = doc.querySelector<HTMLAnchorElement>('a[data-search-entry]');
  if (!entry) return;
  doc.addEventListener('keydown', (event) => {
    if (
      event.key !== '/' ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      event.defaultPrevented
    )
      return;
    const target = event.target as Element | null;
    if (
      target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')
    )
      return;
    event.preventDefault();
    const field = doc.querySelector<HTMLInputElement>('[data-search-input]');
    if (field) {
      field.focus();
      field.select();
    } else location.assign(entry.href);
  });
}
