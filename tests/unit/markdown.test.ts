import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { markdownToPlainText, mentionedHandles, renderMarkdown, sanitizeContentHtml } from "../../server/content/markdown";
import { xssPayloads } from "../support/xss-payloads";

const elementsOf = (html: string) => DomUtils.findAll(() => true, parseDocument(html).children);

describe("renderMarkdown", () => {
  it.each([
    ["paragraphs", "One.\n\nTwo.", ["<p>One.</p>", "<p>Two.</p>"]],
    ["emphasis", "*soft* and **strong**", ["<em>soft</em>", "<strong>strong</strong>"]],
    ["strikethrough", "~~out of stock~~", ["<del>out of stock</del>"]],
    ["a bulleted list", "- tent\n- stove", ["<ul>", "<li>tent</li>", "<li>stove</li>"]],
    ["an ordered list that starts at 3", "3. pitch\n4. stake", ['<ol start="3">', "<li>pitch</li>"]],
    [
      "a task list, with checkboxes the reader cannot tick",
      "- [x] restock\n- [ ] reprice",
      ['<li><input type="checkbox" disabled checked /> restock</li>', '<li><input type="checkbox" disabled /> reprice</li>'],
    ],
    ["a fenced code block, keeping its language", "```ts\nconst size = 42 < 44;\n```", ['<pre><code class="language-ts">const size = 42 &lt; 44;']],
    ["inline code", "run `npm test`", ["<code>npm test</code>"]],
    [
      "a table, with column alignment",
      "| Size | Stock |\n|------|------:|\n| 42 | 3 |",
      ["<table>", "<th>Size</th>", '<th align="right">Stock</th>', '<td align="right">3</td>'],
    ],
    ["a block quote", "> Measure twice.", ["<blockquote>\n<p>Measure twice.</p>\n</blockquote>"]],
    ["a link, marked as user content", "[the guide](https://example.com/guide)", ['<a href="https://example.com/guide" rel="nofollow ugc noopener">the guide</a>']],
    ["a link to a page of the site", "[question](/questions/12)", ['<a href="/questions/12" rel="nofollow ugc noopener">question</a>']],
    ["an image by https URL", "![A tent](https://example.com/tent.png)", ['<img src="https://example.com/tent.png" alt="A tent" />']],
    ["an image by http URL", "![A tent](http://example.com/tent.png)", ['<img src="http://example.com/tent.png" alt="A tent" />']],
    ["an autolink", "<https://example.com>", ['<a href="https://example.com" rel="nofollow ugc noopener">https://example.com</a>']],
    ["a bare URL", "see https://example.com/faq", ['<a href="https://example.com/faq" rel="nofollow ugc noopener">https://example.com/faq</a>']],
    ["an e-mail address", "ask support@example.com", ['<a href="mailto:support@example.com" rel="nofollow ugc noopener">support@example.com</a>']],
    ["raw HTML as text", "<b>bold</b> <kbd>Ctrl</kbd>", ["<p>&lt;b&gt;bold&lt;/b&gt; &lt;kbd&gt;Ctrl&lt;/kbd&gt;</p>"]],
  ])("renders %s", (_feature, markdown, fragments) => {
    const html = renderMarkdown(markdown);
    for (const fragment of fragments) expect(html).toContain(fragment);
  });

  it.each([
    ["a relative path", "![A tent](/uploads/tent.png)"],
    ["a data: URL", "![A tent](data:image/png;base64,iVBORw0KGgo=)"],
    ["a javascript: URL", "![A tent](javascript:alert(1))"],
  ])("shows the description of an image given by %s instead of loading it", (_source, markdown) => {
    expect(renderMarkdown(markdown)).toBe("<p>A tent</p>\n");
  });

  it("keeps the text of a link whose URL is not allowed, without the URL", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).toBe('<p><a rel="nofollow ugc noopener">click</a></p>\n');
  });

  it.each([
    ["# Title", "h3"],
    ["Title\n=====", "h3"],
    ["## Title", "h4"],
    ["Title\n-----", "h4"],
    ["### Title", "h5"],
    ["#### Title", "h6"],
    ["###### Title", "h6"],
  ])("shifts the heading %j to an %s, below the page's own h1 and h2", (markdown, tag) => {
    expect(renderMarkdown(markdown)).toBe(`<${tag}>Title</${tag}>\n`);
  });

  it("links each mention to the person's page", () => {
    const [mention] = elementsOf(renderMarkdown("thanks @karim.benali.")).filter((element) => element.name === "a");
    expect(mention.attribs).toMatchObject({ href: "/users/by-handle/karim.benali", class: "mention" });
    expect(DomUtils.textContent(mention)).toBe("@karim.benali");
    expect(renderMarkdown("thanks @karim.benali.")).toMatch(/<\/a>\.<\/p>/);
  });

  it.each([
    ["a code span", "`@karim`", "<code>@karim</code>"],
    ["a fenced code block", "```\nping @karim\n```", "<pre><code>ping @karim\n</code></pre>"],
    ["an e-mail address", "karim@example.com", '<a href="mailto:karim@example.com" rel="nofollow ugc noopener">karim@example.com</a>'],
  ])("leaves a mention-like text in %s alone", (_place, markdown, fragment) => {
    expect(renderMarkdown(markdown)).toContain(fragment);
    expect(renderMarkdown(markdown)).not.toContain('class="mention"');
  });
});

describe("mentionedHandles", () => {
  it.each([
    ["thanks @karim.benali.", ["karim.benali"]],
    ["@amelie asked, @karim.benali answered, @amelie accepted", ["amelie", "karim.benali"]],
    ["@bob_99 and @x-y", ["bob_99", "x-y"]],
    ["(@karim) **@amelie** > @bob", ["karim", "amelie", "bob"]],
    ["> quoted @karim\n\n- listed @amelie\n\n| cell |\n|---|\n| @bob |", ["karim", "amelie", "bob"]],
    ["mail someone@example.com or someone@intranet", []],
    ["run `@karim` or\n\n```\n@amelie\n```", []],
    ["[@karim](https://example.com) ![@amelie](https://example.com/a.png)", []],
    ["@Karim writes handles in lower case", []],
    ["@a is too short", []],
    [`@${"a".repeat(41)} is too long`, []],
    [`@${"a".repeat(40)} is just long enough`, ["a".repeat(40)]],
    ["\\@karim is escaped", []],
    ["first line\n@karim on the next", ["karim"]],
    ["karim.benali@example.com", []],
  ])("%j mentions %j", (markdown, handles) => {
    expect(mentionedHandles(markdown)).toEqual(handles);
  });

  it("takes linear time on text full of @ signs", () => {
    const started = performance.now();
    mentionedHandles("a@".repeat(25_000));
    mentionedHandles("@a".repeat(25_000));
    // Quadratic scanning took seconds here; linear scanning takes a few hundred milliseconds at most.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("markdownToPlainText", () => {
  it("keeps only the words a reader sees", () => {
    expect(markdownToPlainText("# Sizes\n\nThe **42** fits, see [the guide](https://example.com) and `size()`.\n\n- one\n- two")).toBe(
      "Sizes The 42 fits, see the guide and size(). one two",
    );
  });

  it("shows characters, not HTML entities", () => {
    expect(markdownToPlainText("AT&T says 5 > 3 and <b>")).toBe("AT&T says 5 > 3 and <b>");
  });

  it.each([
    [43, "The quick brown fox jumps over the lazy dog"],
    [20, "The quick brown fox…"],
    [18, "The quick brown…"],
    [10, "The quick…"],
  ])("cut to %i characters reads %j", (maxLength, excerpt) => {
    expect(markdownToPlainText("The quick brown fox jumps over the lazy dog", maxLength)).toBe(excerpt);
  });

  it("drops the punctuation before the ellipsis", () => {
    expect(markdownToPlainText("First, second, third", 15)).toBe("First, second…");
  });

  it("cuts a single word longer than the limit", () => {
    expect(markdownToPlainText("Supercalifragilistic", 10)).toBe("Supercali…");
  });

  it("is never longer than the limit", () => {
    const text = "Measure twice, cut once: the rule every workshop in the network follows.";
    for (let maxLength = 1; maxLength <= text.length + 1; maxLength++) {
      expect(markdownToPlainText(text, maxLength).length).toBeLessThanOrEqual(maxLength);
    }
  });
});

/** Attributes a browser follows as a URL: a script scheme in any of them runs or loads script. */
const urlAttributes = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "srcdoc", "background", "poster", "cite"]);
const forbiddenTags = new Set(["script", "iframe", "object", "embed", "style", "base", "meta", "form", "link", "svg", "math"]);
/** Browsers ignore leading spaces and control characters, and tabs and newlines anywhere, in a URL. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const asBrowserReadsUrl = (url: string) => url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();

/** Everything in the HTML that could run script, described; an empty list for safe HTML. */
function scriptHazards(html: string): string[] {
  const hazards: string[] = [];
  if (/<script/i.test(html)) hazards.push("<script");
  for (const element of elementsOf(html)) {
    if (forbiddenTags.has(element.name)) hazards.push(`<${element.name}>`);
    if (element.name === "input" && (element.attribs.type !== "checkbox" || !("disabled" in element.attribs))) {
      hazards.push("an input other than a disabled checkbox");
    }
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) hazards.push(`${name} on <${element.name}>`);
      if (name === "style") hazards.push(`style on <${element.name}>`);
      if (urlAttributes.has(name) && /^(javascript|vbscript|data):/.test(asBrowserReadsUrl(value))) {
        hazards.push(`${name}="${value}" on <${element.name}>`);
      }
    }
  }
  return hazards;
}

describe("XSS payloads", () => {
  it("are at least 40, numbered from 1 so that a browser test can tell which one ran", () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
    expect(xssPayloads.map((payload) => payload.id)).toEqual(xssPayloads.map((_payload, index) => index + 1));
    expect(xssPayloads[0].markdown).toBe("<script>window.__xss(1)</script>");
  });

  it.each(xssPayloads)("#$id $name: renders without a way to run script", ({ markdown }) => {
    expect(scriptHazards(renderMarkdown(markdown))).toEqual([]);
  });

  it.each(xssPayloads)("#$id $name: is stopped by the sanitiser alone, read as HTML", ({ markdown }) => {
    expect(scriptHazards(sanitizeContentHtml(markdown))).toEqual([]);
  });

  it("checks catch what they look for", () => {
    expect(scriptHazards('<a href=" java\tscript:x()" onclick="x()" style="color: red">a</a><iframe></iframe>')).toEqual([
      'href=" java\tscript:x()" on <a>',
      "onclick on <a>",
      "style on <a>",
      "<iframe>",
    ]);
  });
});
