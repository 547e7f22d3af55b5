/**
 * Highlighted text as segments, never as HTML: the page renders each marked segment in a <mark>
 * element and React escapes every character, so no indexed text can inject markup.
 */
export interface Segment {
  text: string;
  mark: boolean;
}

const htmlEntities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * Splits text highlighted with `open`/`close` markers into segments. `escaped` text (ts_headline's, on
 * escaped input) has its entities decoded back to characters.
 */
export function toSegments(highlighted: string, { open, close, escaped }: { open: string; close: string; escaped: boolean }): Segment[] {
  const decode = (text: string) => (escaped ? text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => htmlEntities[entity]) : text);
  const segments: Segment[] = [];
  let rest = highlighted;
  while (rest.length > 0) {
    const start = rest.indexOf(open);
    if (start === -1) {
      segments.push({ text: decode(rest), mark: false });
      break;
    }
    if (start > 0) segments.push({ text: decode(rest.slice(0, start)), mark: false });
    const end = rest.indexOf(close, start + open.length);
    const marked = end === -1 ? rest.slice(start + open.length) : rest.slice(start + open.length, end);
    if (marked) segments.push({ text: decode(marked), mark: true });
    rest = end === -1 ? "" : rest.slice(end + close.length);
  }
  return mergeAdjacent(segments);
}

/** Plain, unhighlighted text as one segment. */
export const plainSegments = (text: string): Segment[] => (text ? [{ text, mark: false }] : []);

function mergeAdjacent(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.mark === segment.mark) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
