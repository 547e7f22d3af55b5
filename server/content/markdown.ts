import { Parser as HtmlParser } from "htmlparser2";
import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown for questions, answers, comments and tutorials: GitHub-flavoured Markdown rendered to
 * HTML that is safe to store and serve as is. Rendering happens when content is written.
 *
 * Two layers keep it safe: the renderer escapes any raw HTML the author typed (it shows as text),
 * and the sanitiser then lets through only the elements, attributes and URL schemes that the
 * renderer itself produces, so a parser bug or a new Markdown trick still cannot add script.
 */

/** `@karim.benali`: 2 to 40 lowercase letters, digits, dots, hyphens or underscores, never ending with a dot. */
const mentionAtStart = /^@([a-z0-9._-]{1,39}[a-z0-9_-])(?![\p{L}\p{N}_@-]|\.[\p{L}\p{N}_-])/u;

/** A mention starts a word: an `@` after one of these belongs to a word or an e-mail address (`someone@example.com`). */
const wordOrAddressCharacter = /[\p{L}\p{N}._%+@/-]/u;

/** The longest local part of an e-mail address (RFC 5321); it bounds the look-back so that a long word costs linear time. */
const longestLocalPart = 64;

/** The page already has its own h1 and h2: the author's `#` becomes an h3. */
const headingShift = 2;

interface MentionToken extends Tokens.Generic {
  type: "mention";
  handle: string;
}

const isMention = (token: Token): token is MentionToken => token.type === "mention";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

const mention: TokenizerAndRendererExtension = {
  name: "mention",
  level: "inline",
  // Plain text stops before the word that holds the next `@`, not at the `@`: cutting an e-mail
  // address in two would hide it from the autolinker.
  start: (src) => {
    const at = src.indexOf("@");
    if (at === -1) return undefined;
    let wordStart = at;
    while (wordStart > 0 && at - wordStart < longestLocalPart && wordOrAddressCharacter.test(src[wordStart - 1])) wordStart--;
    return wordStart;
  },
  tokenizer(src, tokens) {
    // Link text and image descriptions are already inside an <a> or an alt attribute.
    if (this.lexer.state.inLink) return undefined;
    const match = mentionAtStart.exec(src);
    if (!match || wordOrAddressCharacter.test(tokens.at(-1)?.raw.at(-1) ?? "")) return undefined;
    return { type: "mention", raw: match[0], handle: match[1] } satisfies MentionToken;
  },
  // The handle's characters need no escaping: the pattern admits none that HTML gives a meaning to.
  renderer: (token) => `<a href="/users/by-handle/${token.handle}" class="mention">@${token.handle}</a>`,
};

const markdownParser = new Marked({
  gfm: true,
  extensions: [mention],
  renderer: {
    html({ text, block }) {
      const shownAsText = escapeHtml(block ? text.trim() : text);
      return block ? `<p>${shownAsText}</p>\n` : shownAsText;
    },
    heading({ tokens, depth }) {
      const level = Math.min(depth + headingShift, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    image({ href, text, tokens }) {
      if (isWebUrl(href)) return false;
      // An image from anywhere else (a relative path, a data: URL) is not loaded: its description is shown instead.
      return escapeHtml(tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text);
    },
  },
});

const alignments = ["left", "center", "right"];

/** Exactly what the renderer produces, and nothing else. */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["p", "br", "hr", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"],
    ...["em", "strong", "del", "a", "img", "ul", "ol", "li", "input"],
    ...["table", "thead", "tbody", "tr", "th", "td"],
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    ol: ["start"],
    input: ["type", "checked", "disabled"],
    th: [{ name: "align", values: alignments }],
    td: [{ name: "align", values: alignments }],
  },
  allowedClasses: { a: ["mention"], code: [/^language-[\w.+#-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener" }),
    // The only input Markdown makes is a task list's checkbox, which the reader cannot tick.
    input: (tagName, attribs) => ({
      tagName,
      attribs: { type: "checkbox", disabled: "", ...("checked" in attribs ? { checked: "" } : {}) },
    }),
  },
};

export function renderMarkdown(markdown: string): string {
  return sanitizeContentHtml(markdownParser.parse(markdown, { async: false }));
}

/** A text rendered as `renderMarkdown` does, with the handles it mentions as `mentionedHandles` finds them. */
export interface RenderedMarkdown {
  html: string;
  mentions: string[];
}

/** `renderMarkdown` and `mentionedHandles` from one parse, for a write that needs both of the same text. */
export function renderMarkdownWithMentions(markdown: string): RenderedMarkdown {
  const tokens = markdownParser.lexer(markdown);
  return { mentions: mentionsIn(tokens), html: sanitizeContentHtml(markdownParser.parser(tokens)) };
}

/**
 * The allow-list on its own. It must hold even for HTML the renderer did not escape, which is why
 * it is exported: tests feed it raw payloads directly.
 */
export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** The distinct handles mentioned in the text, in order of first mention; code and e-mail addresses mention no one. */
export function mentionedHandles(markdown: string): string[] {
  return mentionsIn(markdownParser.lexer(markdown));
}

function mentionsIn(tokens: Token[]): string[] {
  const handles = new Set<string>();
  markdownParser.walkTokens(tokens, (token) => {
    if (isMention(token)) handles.add(token.handle);
  });
  return [...handles];
}

/** Elements whose edges separate words, so that `<li>one</li><li>two</li>` reads "one two". */
const blockTags = new Set(["p", "br", "hr", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "tr", "th", "td"]);

/** The text a reader sees, without markup, on one line: for lists, notifications and search snippets. */
export function markdownToPlainText(markdown: string, maxLength = Infinity): string {
  return contentHtmlToPlainText(renderMarkdown(markdown), maxLength);
}

/** `markdownToPlainText` of a text whose HTML `renderMarkdown` has already made. */
export function contentHtmlToPlainText(html: string, maxLength = Infinity): string {
  const parts: string[] = [];
  const reader = new HtmlParser({
    ontext: (text) => parts.push(text),
    onopentag: (name) => {
      if (blockTags.has(name)) parts.push(" ");
    },
    onclosetag: (name) => {
      if (blockTags.has(name)) parts.push(" ");
    },
  });
  reader.end(html);
  const text = parts.join("").replace(/\s+/g, " ").trim();
  return text.length <= maxLength ? text : truncateAtWord(text, maxLength);
}

/** Cuts before the last word that does not fit, leaving room for the ellipsis; a single overlong word is cut where it must. */
function truncateAtWord(text: string, maxLength: number): string {
  const room = maxLength - 1;
  const lastSpace = text.lastIndexOf(" ", room);
  const cut = lastSpace > 0 ? text.slice(0, lastSpace) : text.slice(0, room);
  return `${cut.replace(/[\s,;:]+$/, "")}…`;
}
