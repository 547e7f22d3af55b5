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
  /** Node processes serving the same port (node:cluster), to use several cores; PostgreSQL only. */
  PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
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
  /** The address people reach Guilde at, for the links in e-mails sent by workers (digests). */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /** Signs digest unsubscribe links; unset, one is generated once into DATA_DIR (set it when running several nodes). */
  DIGEST_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The day weekly digests go out (1 Monday … 7 Sunday, ISO) and the hour (UTC) daily and weekly ones do. */
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** The largest tutorial video one may upload, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().positive().max(100_000).default(500),
  /** S3-compatible object storage for uploads (shared by several server processes); local disk otherwise. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key), which MinIO, Ceph and most self-hosted servers need. */
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
  /** The fewest answers a barometer group needs before any of its figures or comments is shown. */
  BAROMETER_MIN_ANSWERS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Hosts a tutorial's video link may point to (their subdomains too). */
  VIDEO_HOSTS: z
    .string()
    .default("youtube.com,youtu.be,vimeo.com,dailymotion.com")
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Webhooks may post to loopback and private addresses (an internal receiver); refused by default. */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  /** OpenID Connect single sign-on for employees: the identity provider's issuer URL and this client's credentials. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be an https:// URL (http:// only on loopback)" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The claim naming the person's site, matched against site names (or ids). */
  OIDC_SITE_CLAIM: z.string().min(1).default("site"),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  /** The callback URL registered at the identity provider; derived from the request when unset. */
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  /** `customers-only`: employees and administrators must sign in with single sign-on. */
  PASSWORD_SIGN_IN: z.enum(["all", "customers-only"]).default("all"),
  /** How long a routed question waits for an answer before it goes to the next people (minutes). */
  ROUTING_ESCALATION_MINUTES: z.coerce.number().int().min(1).max(10_080).default(120),
  /** How many matching monitors a new question goes to first. */
  ROUTING_FIRST_WAVE_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** API requests one personal access token may make per minute (a burst of as many, refilled steadily). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
});

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

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
  const s3Settings = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (s3Settings.some(Boolean) && !s3Settings.every(Boolean)) {
    throw new ConfigError("Invalid environment:\n  S3_ENDPOINT: S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together");
  }
  if (env.PROCESSES > 1 && !env.DATABASE_URL) {
    throw new ConfigError("Invalid environment:\n  PROCESSES: more than one process needs DATABASE_URL (the embedded database admits one process)");
  }
  const oidcSettings = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidcSettings.some(Boolean) && !oidcSettings.every(Boolean)) {
    throw new ConfigError("Invalid environment:\n  OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together");
  }
  const issuer = env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER) : null;
  // The identity provider's answers decide who signs in: plain HTTP only where nobody can listen in.
  if (issuer?.protocol === "http:" && !loopbackHosts.has(issuer.hostname)) {
    throw new ConfigError("Invalid environment:\n  OIDC_ISSUER: must be an https:// URL (http:// only on loopback)");
  }
  if (env.PASSWORD_SIGN_IN === "customers-only" && !issuer) {
    throw new ConfigError("Invalid environment:\n  PASSWORD_SIGN_IN: customers-only needs single sign-on (OIDC_ISSUER) for employees");
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    production: env.NODE_ENV === "production",
    development: env.NODE_ENV === "development",
    port: env.PORT,
    host: env.HOST,
    processes: env.PROCESSES,
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
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ""),
    digests: { secret: env.DIGEST_SECRET ?? null, weekday: env.DIGEST_WEEKDAY, hour: env.DIGEST_HOUR },
    uploads: { maxBytes: Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024) },
    storage:
      env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? ({
            kind: "s3",
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
          } as const)
        : ({ kind: "local", directory: path.join(dataDir, "uploads") } as const),
    videoHosts: env.VIDEO_HOSTS,
    webhooks: { allowPrivateNetworks: env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS, requireHttps: env.NODE_ENV === "production" },
    barometerMinAnswers: env.BAROMETER_MIN_ANSWERS,
    oidc:
      issuer && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            siteClaim: env.OIDC_SITE_CLAIM,
            scopes: env.OIDC_SCOPES,
            redirectUri: env.OIDC_REDIRECT_URI ?? null,
          }
        : null,
    passwordSignIn: env.PASSWORD_SIGN_IN,
    routing: { escalationDelayMs: env.ROUTING_ESCALATION_MINUTES * 60_000, firstWaveSize: env.ROUTING_FIRST_WAVE_SIZE },
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
  };
}
