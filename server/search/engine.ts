import type { Database } from "../../db/client";
import type { Config } from "../config";
import { createMeilisearchIndex } from "./meilisearch";
import { createPostgresIndex } from "./postgres";
import type { SearchIndex } from "./search-index";

/** The engine the configuration asks for: Meilisearch when MEILI_HOST is set, the embedded one otherwise. */
export function createSearchIndex(search: Config["search"], db: Database): SearchIndex {
  return search.kind === "meilisearch" ? createMeilisearchIndex({ host: search.host, apiKey: search.apiKey, db }) : createPostgresIndex(db);
}
