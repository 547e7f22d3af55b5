export const templateDatabaseName = "guilde_test_template";

/** The throwaway cluster's URL (see scripts/test.sh); tests create and drop their own databases in it. */
export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts a PostgreSQL server.");
  }
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
