import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const siteKind = pgEnum("site_kind", ["store", "plant", "warehouse", "office"]);
export const userRole = pgEnum("user_role", ["admin", "employee", "customer"]);
export const locale = pgEnum("locale", ["en", "fr"]);
/** How often a person receives the digest of what they follow (server/digests). */
export const digestFrequency = pgEnum("digest_frequency", ["off", "daily", "weekly"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const sites = pgTable("sites", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  city: text("city").notNull(),
  kind: siteKind("kind").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    // Stored lower-cased so that uniqueness ignores case.
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    /** What @mentions use, e.g. "karim.benali": unique, lower-case, derived from the e-mail. */
    handle: text("handle").notNull().unique(),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull(),
    siteId: text("site_id").references(() => sites.id),
    title: text("title").notNull().default(""),
    bio: text("bio").notNull().default(""),
    locale: locale("locale"),
    digestFrequency: digestFrequency("digest_frequency").notNull().default("weekly"),
    createdAt: createdAt(),
    /** Suspended by an administrator: no sign-in until `suspendedUntil`, or ever while it is null. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedUntil: timestamp("suspended_until", { withTimezone: true }),
    suspensionReason: text("suspension_reason"),
    /** A customer account an administrator closed: it cannot sign in until reactivated. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * An account an import created for an author of another forum (its profile URL there). It has no
     * password, so nobody signs in as it until an administrator invites its owner to claim it.
     */
    importedFrom: text("imported_from"),
  },
  (table) => [index("users_site_idx").on(table.siteId)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** Every sign-in attempt, kept for a short window to throttle guessing per account and per address. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()`),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("sign_in_attempts_email_idx").on(table.email, table.attemptedAt),
    index("sign_in_attempts_ip_idx").on(table.ip, table.attemptedAt),
  ],
);

export type Site = typeof sites.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type Locale = (typeof locale.enumValues)[number];
export type DigestFrequency = (typeof digestFrequency.enumValues)[number];
