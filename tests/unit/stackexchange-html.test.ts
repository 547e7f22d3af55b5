import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/content/markdown";
import { htmlToMarkdown } from "../../server/import/stackexchange/html-to-markdown";
import { xssPayloads } from "../support/xss-payloads";

describe("Stack Exchange HTML becomes Guilde Markdown", () => {
  it("keeps paragraphs, links, inline code, fenced code with its language, lists and tables", () => {
    const markdown = htmlToMarkdown(
      '<p>See <a href="https://example.org/a">the guide</a> and <code>x &lt; y</code>.</p>' +
        '<pre class="lang-python prettyprint-override"><code>print("a &lt; b")\n</code></pre>' +
        "<ul><li>one</li><li>two</li></ul>" +
        "<table><thead><tr><th>size</th></tr></thead><tbody><tr><td>28</td></tr></tbody></table>",
    );
    expect(markdown).toContain("See [the guide](https://example.org/a) and `x < y`.");
    expect(markdown).toContain('```python\nprint("a < b")\n```');
    expect(markdown).toMatch(/-\s+one\n-\s+two/);
    expect(markdown).toContain("| size |\n| --- |\n| 28 |");
  });

  it("fences code that holds backticks with a longer fence", () => {
    expect(htmlToMarkdown("<pre><code>a ``` b</code></pre>")).toBe("````\na ``` b\n````");
  });

  it("drops scripts, styles and frames, and what is left goes through the sanitiser", () => {
    for (const payload of xssPayloads) {
      const html = renderMarkdown(htmlToMarkdown(payload.markdown));
      // Only real tags count: escaped text that reads like one is harmless.
      expect(html, payload.name).not.toMatch(/<(script|iframe|style|object|embed|form)\b|<[a-z][^>]*\son\w+\s*=|(href|src)\s*=\s*"?\s*(javascript|data|vbscript):/i);
    }
  });
});
