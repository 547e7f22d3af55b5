/**
 * One-click unsubscribe links: the person's id signed with HMAC-SHA256, so that the link works without
 * signing in and nobody can forge one for someone else. A link stays valid: unsubscribing twice is harmless.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Config } from "../config";
import type { Guilde } from "../context";
import { Invalid } from "../errors";

const secrets = new Map<string, string>();

/** DIGEST_SECRET, or one generated once and kept in DATA_DIR, so that links survive a restart. */
export function digestSecret(config: Config): string {
  if (config.digests.secret) return config.digests.secret;
  const file = path.join(config.dataDir, "digest-secret");
  let secret = secrets.get(file);
  if (secret) return secret;
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      secret = generated;
    } catch {
      // Another process wrote it first: use theirs.
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  secrets.set(file, secret);
  return secret;
}

const signature = (secret: string, userId: string) => createHmac("sha256", secret).update(`digest-unsubscribe:${userId}`).digest("base64url");

export function unsubscribeToken(config: Config, userId: string): string {
  return `${Buffer.from(userId).toString("base64url")}.${signature(digestSecret(config), userId)}`;
}

export function unsubscribeLink(config: Config, userId: string): string {
  return `${config.publicUrl}/unsubscribe/${unsubscribeToken(config, userId)}`;
}

/** The person a token was signed for; a forged or altered one is refused. */
export function verifyUnsubscribeToken(config: Config, token: string): string {
  const [encodedId, given, extra] = token.split(".");
  if (!encodedId || !given || extra !== undefined) throw new Invalid({}, "unsubscribe.invalidLink");
  const userId = Buffer.from(encodedId, "base64url").toString();
  const expected = Buffer.from(signature(digestSecret(config), userId));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new Invalid({}, "unsubscribe.invalidLink");
  return userId;
}

/** Turns a person's digests off from their signed link; answers their language for the page. */
export async function unsubscribeFromDigests(guilde: Guilde, { token }: { token: string }): Promise<{ locale: "en" | "fr" | null }> {
  const userId = verifyUnsubscribeToken(guilde.config, token);
  const [person] = await guilde.db.update(users).set({ digestFrequency: "off" }).where(eq(users.id, userId)).returning({ locale: users.locale });
  if (!person) throw new Invalid({}, "unsubscribe.invalidLink");
  return { locale: person.locale };
}

/** Checks a link before showing its confirmation button. */
export async function checkUnsubscribeLink(guilde: Guilde, { token }: { token: string }): Promise<void> {
  const userId = verifyUnsubscribeToken(guilde.config, token);
  const [person] = await guilde.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!person) throw new Invalid({}, "unsubscribe.invalidLink");
}
