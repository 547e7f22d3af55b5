import { index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./people";

/** read: GET endpoints only; write: also posting questions, answers, comments and votes. */
export const apiTokenScope = pgEnum("api_token_scope", ["read", "write"]);

/** Personal access tokens for the JSON API (server/api): only the token's SHA-256 is kept, never the token. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: apiTokenScope("scope").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_tokens_user_idx").on(table.userId, table.createdAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type ApiTokenScope = ApiToken["scope"];
