import { openDatabase } from "../../db/client";
import { templateDatabaseName, adminUrl } from "./postgres";

/** Migrates a template database once; each test file then clones it, which takes milliseconds. */
export default async function globalSetup() {
  if (!process.env.TEST_DATABASE_URL) return;
  const admin = await openDatabase({ kind: "postgres", url: adminUrl(), poolSize: 1 });
  const { sql } = await import("drizzle-orm");
  await admin.db.execute(sql.raw(`drop database if exists ${templateDatabaseName} with (force)`));
  await admin.db.execute(sql.raw(`create database ${templateDatabaseName}`));
  await admin.close();
  const url = new URL(adminUrl());
  url.pathname = `/${templateDatabaseName}`;
  const template = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 });
  await template.migrate();
  await template.close();
}
