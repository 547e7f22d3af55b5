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

  it("reads allowed e-mail domains as a lower-cased list", () => {
    expect(parseConfig({ ALLOWED_EMAIL_DOMAINS: "Sportissimo.fr, sportissimo.be" }).allowedEmailDomains).toEqual([
      "sportissimo.fr",
      "sportissimo.be",
    ]);
  });
});
