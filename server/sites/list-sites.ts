import { asc } from "drizzle-orm";
import { sites, type Site } from "../../db/schema";
import type { Guilde } from "../context";

/** Sites are public to sign-up: the form lists them. A company has tens of sites, not thousands. */
export function listSites(guilde: Guilde): Promise<Site[]> {
  return guilde.db.select().from(sites).orderBy(asc(sites.name)).limit(1000);
}
