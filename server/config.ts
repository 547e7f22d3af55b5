import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  MEILI_HOST: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  /** Comma-separated e-mail domains employees may sign up with; empty allows any (the demo). */
  ALLOWED_EMAIL_DOMAINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Demo data on an empty database: on by default for the embedded database only. */
  DEMO_DATA: booleanFlag.optional(),
  /** Origins allowed to post forms besides the server's own host (e.g. behind a proxy). */
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean)),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Secure cookies need HTTPS (localhost excepted); on by default in production. */
  SECURE_COOKIES: booleanFlag.optional(),
  LOG_LEVEL: z.enum(["silent", "error", "info"]).default("info"),
  /** How long a customer invitation stays valid. */
  INVITATION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** smtp:// or smtps:// URL of the mail server; unset, e-mails are written to DATA_DIR/mail-outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Guilde <no-reply@guilde.invalid>"),
});

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {}

/** Reads every environment variable Guilde understands, once. A bad value names the variable. */
export function parseConfig(environment: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.MEILI_MASTER_KEY && !env.MEILI_HOST) {
    throw new ConfigError("Invalid environment:\n  MEILI_HOST: required when MEILI_MASTER_KEY is set");
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    production: env.NODE_ENV === "production",
    development: env.NODE_ENV === "development",
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: "pglite", directory: path.join(dataDir, "pglite") } as const),
    search: env.MEILI_HOST
      ? ({ kind: "meilisearch", host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY } as const)
      : ({ kind: "postgres" } as const),
    allowedEmailDomains: env.ALLOWED_EMAIL_DOMAINS,
    demoData: env.DEMO_DATA ?? !env.DATABASE_URL,
    trustedOrigins: env.TRUSTED_ORIGINS,
    signIn: {
      maxFailuresPerAccount: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: env.SIGN_IN_MAX_FAILURES_PER_IP,
      windowMinutes: env.SIGN_IN_WINDOW_MINUTES,
    },
    secureCookies: env.SECURE_COOKIES ?? env.NODE_ENV === "production",
    logLevel: env.LOG_LEVEL,
    invitationDays: env.INVITATION_DAYS,
    mail: env.SMTP_URL
      ? ({ kind: "smtp", url: env.SMTP_URL, from: env.MAIL_FROM } as const)
      : ({ kind: "outbox", directory: path.join(dataDir, "mail-outbox"), from: env.MAIL_FROM } as const),
  };
}
