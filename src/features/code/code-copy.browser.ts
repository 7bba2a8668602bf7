/** A "Copy" button on every highlighted code block (CodeCopyButtons.astro renders the status it speaks through). */
export function enhanceCodeCopy(doc: Document): void {
  const status = doc.querySelector<HTMLElement>('[data-copy-status]');
  if (status && navigator.clipboard) {
    for (const pre of doc.querySelectorAll<HTMLPreElement>('.prose pre')) {
      const block = doc.createElement('div');
      block.className = 'code-block';
      pre.before(block);
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'copy-button';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy code');
      block.append(pre, button);
      button.addEventListener('click', async () => {
        let message = 'Copied';
        try {
          await navigator.clipboard.writeText(pre.textContent ?? '');
        } catch {
          message = 'Copy failed';
        }
        button.textContent = message;
        status.textContent = `${message}: code ${message === 'Copied' ? 'is on the clipboard' : 'could not be copied'}`;
        setTimeout(() => {
          button.textContent = 'Copy';
          status.textContent = '';
        }, 2500);
      });
    }
  }
}
