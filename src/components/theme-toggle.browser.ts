/** The theme buttons (ThemeToggle.astro): pressed when the page is dark; a click stores the other theme. */
export function enhanceThemeToggles(doc: Document): void {
  const root = doc.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : system.matches);
  for (const button of doc.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    const sync = () => button.setAttribute('aria-pressed', String(isDark()));
    button.addEventListener('click', () => {
      const theme = isDark() ? 'light' : 'dark';
      // A choice equal to the system theme is not stored, so the page follows the system again.
      const follow = theme === (system.matches ? 'dark' : 'light');
      if (follow) delete root.dataset.theme;
      else root.dataset.theme = theme;
      try {
        if (follow) localStorage.removeItem('theme');
        else localStorage.setItem('theme', theme);
      } catch {
        // Storage may be disabled; the choice then lasts for this page only.
      }
      sync();
    });
    system.addEventListener('change', sync);
    sync();
  }
}
