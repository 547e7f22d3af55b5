/**
 * Known cross-site scripting payloads, written as an author would type them into a question, an
 * answer, a comment or a tutorial. Payload n calls `window.__xss(n)` if it ever runs, so a browser
 * test can define `window.__xss`, render every payload through a real page and assert it never ran.
 */
export interface XssPayload {
  /** The number the payload passes to `window.__xss`. */
  id: number;
  name: string;
  markdown: string;
}

/** Each entry builds its Markdown around the call to make, so the numbering cannot drift. */
const payloads: [name: string, markdown: (xss: string) => string][] = [
  // Raw HTML
  ["script tag", (xss) => `<script>${xss}</script>`],
  ["script tag with a data: source", (xss) => `<script src="data:text/javascript,${xss}"></script>`],
  ["script tag inside a paragraph", (xss) => `Before <script>${xss}</script> after`],
  ["img onerror", (xss) => `<img src=x onerror="${xss}">`],
  ["img onerror, unquoted and upper case", (xss) => `<IMG SRC=x ONERROR=${xss}>`],
  ["svg onload", (xss) => `<svg onload="${xss}"></svg>`],
  ["script inside svg", (xss) => `<svg><script>${xss}</script></svg>`],
  ["body onload", (xss) => `<body onload="${xss}">`],
  ["a tag with an event handler and a safe href", (xss) => `<a href="https://example.com" onclick="${xss}">click</a>`],
  ["input autofocus onfocus", (xss) => `<input autofocus onfocus="${xss}">`],
  ["details open ontoggle", (xss) => `<details open ontoggle="${xss}"><summary>more</summary></details>`],
  ["video source onerror", (xss) => `<video><source onerror="${xss}"></video>`],
  ["audio onerror", (xss) => `<audio src=x onerror="${xss}"></audio>`],
  ["marquee onstart", (xss) => `<marquee onstart="${xss}">news</marquee>`],
  ["split script tag", (xss) => `<scr<script>ipt>${xss}</scr</script>ipt>`],
  ["unclosed img tag", (xss) => `<img src=x onerror="${xss}"`],
  ["unclosed tag at the end of a paragraph", (xss) => `Some text <svg onload=${xss}//`],
  ["comment trickery", (xss) => `<!--><script>${xss}</script>-->`],
  ["noscript attribute breakout", (xss) => `<noscript><p title="</noscript><img src=x onerror=${xss}>"></noscript>`],

  // Elements that load or embed other documents
  ["iframe with a javascript: source", (xss) => `<iframe src="javascript:${xss}"></iframe>`],
  ["iframe srcdoc", (xss) => `<iframe srcdoc="&lt;script&gt;${xss}&lt;/script&gt;"></iframe>`],
  ["object with a javascript: data", (xss) => `<object data="javascript:${xss}"></object>`],
  ["embed with a javascript: source", (xss) => `<embed src="javascript:${xss}">`],
  ["base href hijacking relative links", (xss) => `<base href="javascript:${xss}//">\n\n[relative](/questions/1)`],
  ["meta refresh", (xss) => `<meta http-equiv="refresh" content="0;url=javascript:${xss}">`],
  ["form action", (xss) => `<form action="javascript:${xss}"><button>Send</button></form>`],
  ["button formaction", (xss) => `<button formaction="javascript:${xss}">Send</button>`],

  // Styles
  ["style element with a javascript: url", (xss) => `<style>body { background: url("javascript:${xss}") }</style>`],
  ["style attribute with url(javascript:)", (xss) => `<div style="background:url(javascript:${xss})">styled</div>`],
  ["style attribute with expression()", (xss) => `<div style="width: expression(${xss})">styled</div>`],

  // Links written in HTML
  ["a href javascript:", (xss) => `<a href="javascript:${xss}">click</a>`],
  ["a href with leading whitespace and control characters", (xss) => `<a href=" &#14;  javascript:${xss}">click</a>`],
  ["a href with a newline in the scheme", (xss) => `<a href="java\nscript:${xss}">click</a>`],
  ["a href with an encoded tab in the scheme", (xss) => `<a href="jav&#x09;ascript:${xss}">click</a>`],

  // Namespace confusion
  ["math/mglyph/style mutation", (xss) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${xss}&gt;">`],
  ["img inside style inside svg", (xss) => `<svg><style><img src=x onerror=${xss}></style></svg>`],
  ["math link with xlink:href", (xss) => `<math><a xlink:href="javascript:${xss}">click</a></math>`],
  ["svg link with xlink:href", (xss) => `<svg><a xlink:href="javascript:${xss}"><text x="20" y="20">click</text></a></svg>`],
  ["svg animate setting href", (xss) => `<svg><a><animate attributeName="href" values="javascript:${xss}"/><text y="20">click</text></a></svg>`],

  // Markdown links and images
  ["markdown link to javascript:", (xss) => `[click](javascript:${xss})`],
  ["markdown link to JaVaScRiPt:", (xss) => `[click](JaVaScRiPt:${xss})`],
  ["markdown link in angle brackets", (xss) => `[click](<javascript:${xss}>)`],
  ["markdown link with a hex entity in the scheme", (xss) => `[click](jav&#x61;script:${xss})`],
  ["markdown link fully entity-encoded", (xss) => `[click](${[..."javascript:"].map((c) => `&#${c.charCodeAt(0)};`).join("")}${xss})`],
  ["markdown link with &colon;", (xss) => `[click](javascript&colon;${xss})`],
  ["markdown link with a control character before the scheme", (xss) => `[click](\u0001javascript:${xss})`],
  ["markdown link to vbscript:", (xss) => `[click](vbscript:${xss})`],
  ["markdown link to a base64 data: page", (xss) => `[click](data:text/html;base64,${btoa(`<script>${xss}</script>`)})`],
  ["markdown link to a data: page", (xss) => `[click](data:text/html,%3Cscript%3E${encodeURIComponent(xss)}%3C/script%3E)`],
  ["reference-style link to javascript:", (xss) => `[click][evil]\n\n[evil]: javascript:${xss}`],
  ["reference-style link with a title", (xss) => `[click][evil]\n\n[evil]: javascript:${xss} "Documentation"`],
  ["autolink to javascript:", (xss) => `<javascript:${xss}>`],
  ["autolink to vbscript:", (xss) => `<vbscript:${xss}>`],
  ["autolink with quotes to break out of href", (xss) => `<https://example.com/"onmouseover="${xss}">`],
  ["bare url followed by a script tag", (xss) => `https://example.com/"><script>${xss}</script>`],
  ["link title breaking out with quotes", (xss) => `[click](https://example.com "a\\" onmouseover=\\"${xss}")`],
  ["link destination breaking out with quotes", (xss) => `[click](https://example.com/"onmouseover="${xss}")`],
  ["image with a javascript: source", (xss) => `![diagram](javascript:${xss})`],
  ["image with an svg data: source", (xss) => `![diagram](data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="${xss}"/>`)})`],
  ["image alt text breaking out", (xss) => `![x" onerror="${xss}](https://example.com/a.png)`],
  ["image alt text with an HTML image inside", (xss) => `![<img src=x onerror=${xss}>](https://example.com/a.png)`],
  ["image title breaking out", (xss) => `![diagram](https://example.com/a.png "a\\" onerror=\\"${xss}")`],
  ["image link to javascript:", (xss) => `[![diagram](https://example.com/a.png)](javascript:${xss})`],

  // Markdown around HTML, and HTML around Markdown
  ["markdown link inside an HTML block", (xss) => `<div>\n\n[click](javascript:${xss})\n\n</div>`],
  ["HTML entities that spell a script tag", (xss) => `&lt;script&gt;${xss}&lt;/script&gt;`],
  ["javascript: link in a heading", (xss) => `# [click](javascript:${xss})`],
  ["img onerror in a table cell", (xss) => `| a |\n|---|\n| <img src=x onerror=${xss}> |`],
  ["img onerror in a task list item", (xss) => `- [x] <img src=x onerror=${xss}>`],
  ["code fence language breaking out of the class", (xss) => `\`\`\`js" onmouseover="${xss}\nconst a = 1;\n\`\`\``],
  ["mention followed by an event handler", (xss) => `@karim.benali" onmouseover="${xss}`],
];

export const xssPayloads: XssPayload[] = payloads.map(([name, markdown], index) => ({
  id: index + 1,
  name,
  markdown: markdown(`window.__xss(${index + 1})`),
}));
