import TurndownService from "turndown";
import { gfm } from "turndown-plugin-gfm";

/**
 * Stack Exchange bodies are HTML; Guilde stores Markdown and renders it itself (server/content/markdown.ts),
 * so whatever the HTML held goes through the same sanitiser as everything else written in Guilde.
 */
function createTurndown({ withGfm }: { withGfm: boolean }): TurndownService {
  const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "_" });
  if (withGfm) turndown.use(gfm);
  // Their text is code, not prose: dropped rather than shown.
  turndown.remove(["script", "style", "noscript", "iframe", "object", "embed", "form"]);
  // Stack Exchange marks a code block's language with a class on <pre> (`lang-js`) or on <code> (`language-js`).
  turndown.addRule("fencedCodeWithLanguage", {
    filter: (node) => node.nodeName === "PRE" && node.firstChild?.nodeName === "CODE",
    replacement: (_content, node) => {
      const pre = node as HTMLElement;
      const code = pre.firstChild as HTMLElement;
      const language = /(?:^|\s)lang(?:uage)?-([\w+#-]+)/.exec(`${pre.getAttribute("class") ?? ""} ${code.getAttribute("class") ?? ""}`)?.[1] ?? "";
      const text = (code.textContent ?? "").replace(/\n$/, "");
      const longestRun = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
      const fence = "`".repeat(longestRun + 1);
      return `\n\n${fence}${language}\n${text}\n${fence}\n\n`;
    },
  });
  return turndown;
}

const withTables = createTurndown({ withGfm: true });
const withoutTables = createTurndown({ withGfm: false });

export function htmlToMarkdown(html: string): string {
  try {
    return withTables.turndown(html).trim();
  } catch {
    // The GFM plugin throws on some malformed tables (a <table> without rows): one odd post must not stop an import.
    return withoutTables.turndown(html).trim();
  }
}
