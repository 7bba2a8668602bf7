import { expect, test } from 'vitest';
import { pageStyles } from './inline-styles';

test("the texts of the <head>'s <style> elements, exactly, and apart from any later one", () => {
  const html =
    '<html><head><meta charset="utf-8"><style>a{color:red}</style>\n<STYLE media="print"> p{}\n</STYLE></head><body><p>x</p><style>.evil{}</style></body></html>';
  expect(pageStyles(html)).toEqual({ head: ['a{color:red}', ' p{}\n'], body: ['.evil{}'] });
  expect(pageStyles('<html><head></head><body></body></html>')).toEqual({ head: [], body: [] });
});
