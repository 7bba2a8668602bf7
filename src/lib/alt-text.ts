/** Alt text that only names the file type or a number says nothing to a reader. */
export function isMeaninglessAlt(alt: string | null | undefined): boolean {
  const text = (alt ?? '').trim();
  return (
    !text || /^(cover|cover image|image|img|gif|picture|pic|photo|screenshot)?\s*\d*$/i.test(text)
  );
}
