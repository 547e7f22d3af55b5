import { z } from "zod";

/**
 * Keyset pagination: a cursor is the last row's sort key, opaque to clients. Lists never use OFFSET,
 * so page 1,000 costs what page 1 costs.
 */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

const cursorSchema = z.tuple([z.union([z.string(), z.number()]), z.string()]);
export type CursorKey = z.infer<typeof cursorSchema>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A malformed or forged cursor simply starts from the beginning. */
export function decodeCursor(cursor: string | null | undefined): CursorKey | null {
  if (!cursor || cursor.length > 200) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Cuts the one extra row fetched to know whether another page follows. */
export function toPage<Row, Item>(rows: Row[], limit: number, key: (row: Row) => CursorKey, item: (row: Row) => Item): Page<Item> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(item), nextCursor: more ? encodeCursor(key(shown[shown.length - 1])) : null };
}
