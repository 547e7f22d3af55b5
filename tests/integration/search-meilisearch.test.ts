import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { afterAll, describe } from "vitest";
import { createMeilisearchIndex } from "../../server/search/meilisearch";
import { useGuilde } from "../support/guilde";
import { searchContract } from "./search-contract";

const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_MASTER_KEY;
const guilde = useGuilde();
// Each file (and each database project) gets an index of its own on the shared server.
const indexUid = `guilde_test_${randomBytes(4).toString("hex")}`;

describe.skipIf(!host)(
  host ? `Meilisearch search engine at ${host}` : "Meilisearch search engine: SKIPPED, MEILI_HOST is not set (run with MEILI_HOST=http://127.0.0.1:7700 MEILI_MASTER_KEY=…)",
  () => {
    searchContract(guilde, () => createMeilisearchIndex({ host: host!, apiKey, db: guilde.db, indexUid }));
    afterAll(async () => {
      await new Meilisearch({ host: host!, apiKey }).deleteIndexIfExists(indexUid);
    });
  },
);
