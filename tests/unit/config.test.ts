import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../server/config";

describe("configuration", () => {
  it("defaults to the embedded database and search, with demo data", () => {
    const config = parseConfig({});
    expect(config.database.kind).toBe("pglite");
    expect(config.search.kind).toBe("postgres");
    expect(config.demoData).toBe(true);
    expect(config.port).toBe(3000);
  });

  it("uses PostgreSQL when DATABASE_URL is set, without demo data unless asked", () => {
    const config = parseConfig({ DATABASE_URL: "postgres://guilde@db:5432/guilde" });
    expect(config.database).toMatchObject({ kind: "postgres", url: "postgres://guilde@db:5432/guilde" });
    expect(config.demoData).toBe(false);
    expect(parseConfig({ DATABASE_URL: "postgres://db/guilde", DEMO_DATA: "true" }).demoData).toBe(true);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/guilde" }, "DATABASE_URL"],
    [{ MEILI_HOST: "not a url" }, "MEILI_HOST"],
    [{ MEILI_MASTER_KEY: "key" }, "MEILI_HOST"],
    [{ DEMO_DATA: "maybe" }, "DEMO_DATA"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
  ])("refuses %o with a message naming %s", (environment, variable) => {
    expect(() => parseConfig(environment)).toThrowError(ConfigError);
    expect(() => parseConfig(environment)).toThrowError(new RegExp(`\\b${variable}\\b`));
  });

  it("runs several processes on PostgreSQL only", () => {
    expect(parseConfig({}).processes).toBe(1);
    expect(parseConfig({ DATABASE_URL: "postgres://db/guilde", PROCESSES: "2" }).processes).toBe(2);
    expect(() => parseConfig({ PROCESSES: "2" })).toThrow(/PROCESSES: more than one process needs DATABASE_URL/);
    expect(() => parseConfig({ DATABASE_URL: "postgres://db/guilde", PROCESSES: "0" })).toThrow(/PROCESSES/);
  });

  it("reads allowed e-mail domains as a lower-cased list", () => {
    expect(parseConfig({ ALLOWED_EMAIL_DOMAINS: "Sportissimo.fr, sportissimo.be" }).allowedEmailDomains).toEqual([
      "sportissimo.fr",
      "sportissimo.be",
    ]);
  });

  it("stores uploads on local disk by default, in S3 when its four settings are given, and never with some of them", () => {
    const local = parseConfig({ DATA_DIR: "/srv/guilde" });
    expect(local.storage).toEqual({ kind: "local", directory: "/srv/guilde/uploads" });
    expect(local.uploads.maxBytes).toBe(500 * 1024 * 1024);
    const s3 = { S3_ENDPOINT: "https://s3.example.com", S3_BUCKET: "guilde", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" };
    expect(parseConfig(s3).storage).toEqual({ kind: "s3", endpoint: "https://s3.example.com", bucket: "guilde", region: "us-east-1", accessKeyId: "key", secretAccessKey: "secret", forcePathStyle: true });
    expect(() => parseConfig({ S3_ENDPOINT: "https://s3.example.com", S3_BUCKET: "guilde" })).toThrowError(/S3_ENDPOINT/);
    expect(() => parseConfig({ UPLOAD_MAX_MB: "-1" })).toThrowError(/UPLOAD_MAX_MB/);
    expect(parseConfig({ UPLOAD_MAX_MB: "0.5" }).uploads.maxBytes).toBe(512 * 1024);
  });

  it("reads the allowed video hosts as a lower-cased list", () => {
    expect(parseConfig({ VIDEO_HOSTS: "YouTube.com, vimeo.com" }).videoHosts).toEqual(["youtube.com", "vimeo.com"]);
  });
  describe("single sign-on", () => {
    const oidc = { OIDC_ISSUER: "https://login.company.test/realms/staff", OIDC_CLIENT_ID: "guilde", OIDC_CLIENT_SECRET: "s3cret" };

    it("is off without its settings, and on with all three, with its defaults", () => {
      expect(parseConfig({}).oidc).toBeNull();
      expect(parseConfig({}).passwordSignIn).toBe("all");
      expect(parseConfig(oidc).oidc).toMatchObject({
        issuer: new URL(oidc.OIDC_ISSUER),
        clientId: "guilde",
        clientSecret: "s3cret",
        siteClaim: "site",
        scopes: "openid email profile",
        redirectUri: null,
      });
    });

    it.each([
      { OIDC_ISSUER: oidc.OIDC_ISSUER },
      { OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: "guilde" },
      { OIDC_CLIENT_ID: "guilde", OIDC_CLIENT_SECRET: "s3cret" },
      { OIDC_CLIENT_SECRET: "s3cret" },
    ])("refuses some of the three settings without the others: %o", (environment) => {
      expect(() => parseConfig(environment)).toThrowError(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together/);
    });

    it("refuses password sign-in for customers only without single sign-on", () => {
      expect(() => parseConfig({ PASSWORD_SIGN_IN: "customers-only" })).toThrowError(/PASSWORD_SIGN_IN: customers-only needs single sign-on/);
      expect(parseConfig({ ...oidc, PASSWORD_SIGN_IN: "customers-only" }).passwordSignIn).toBe("customers-only");
      expect(() => parseConfig({ ...oidc, PASSWORD_SIGN_IN: "employees" })).toThrowError(/\bPASSWORD_SIGN_IN\b/);
    });

    it.each(["http://127.0.0.1:4000", "http://localhost:4000/idp", "http://[::1]:4000"])("admits a plain-http issuer on loopback: %s", (issuer) => {
      expect(parseConfig({ ...oidc, OIDC_ISSUER: issuer }).oidc?.issuer.href).toBe(new URL(issuer).href);
    });

    it.each(["http://login.company.test", "http://10.0.0.5:8080", "ftp://login.company.test", "not a url"])("refuses the issuer %s", (issuer) => {
      expect(() => parseConfig({ ...oidc, OIDC_ISSUER: issuer })).toThrowError(/OIDC_ISSUER: must be an https:\/\/ URL/);
    });
  });
});
