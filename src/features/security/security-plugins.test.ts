import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { expect, test } from 'vitest';
import { markdownPipeline } from '../markdown/pipeline';
import { findBlockedEmbeds } from './rehype-embed-hosts';
import { codeThemeCss, codeThemeDeclarations } from '../code/shiki-classes';

test('embeds outside the policy are named; allowed ones are not', () => {
  const tree = fromHtml(
    `<img src="https://assets.zilliz.com/a.png"><img src="https://x.example/a.png">
     <picture><source srcset="https://y.example/a.webp 1x"></picture>
     <iframe src="https://www.youtube.com/embed/a"></iframe><iframe src="https://z.example/"></iframe>
     <script>1</script><object data="a.swf"></object>`,
    { fragment: true },
  );
  const problems = findBlockedEmbeds(tree);
  // Images from any https host are allowed (security.ts says why).
  expect(problems).toHaveLength(3);
  expect(problems.join('\n')).not.toMatch(/x\.example|y\.example/);
  expect(problems.join('\n')).toMatch(/https:\/\/z\.example.*frames/);
  expect(problems.join('\n')).toMatch(/<script>/);
  expect(problems.join('\n')).toMatch(/<object>/);
});

test('highlighted code carries no style attributes, only classes the code theme defines', async () => {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  const samples = [
    'python\nimport os\n# comment\nprint(f"{os.name!r}")',
    'yaml\nkey: [1, "two"]',
    'go\nfunc main() { fmt.Println("x") }',
    'diff\n- a\n+ b',
    'text\nplain',
    'markdown\n# h\n*it* **bold**',
    'C++\nint main() { return 0; }',
  ];
  for (const sample of samples) {
    const { code } = await processor.render(`\`\`\`${sample}\n\`\`\`\n`);
    expect(code).toContain('astro-code');
    expect(code).not.toContain('style=');
    // The code stylesheet covers every class the highlighter writes.
    const css = codeThemeCss();
    for (const name of code.match(/sk-[a-z0-9]+/g) ?? []) expect(css).toContain(`.${name}{`);
  }
  const { metadata } = await processor.render('No code here.');
  expect(metadata.frontmatter.codeStyles).toBeUndefined();
  expect(codeThemeDeclarations().length).toBeGreaterThan(40);
});

test('external links get rel="noopener noreferrer"; internal ones keep none', async () => {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  const { code } = await processor.render('[out](https://example.com) [in](/blog/) [anchor](#x)');
  expect(code).toContain('<a href="https://example.com" rel="noopener noreferrer">out</a>');
  expect(code).toContain('<a href="/blog/">in</a>');
});
