import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { errorSchema } from "./schemas";
import { apiOperations } from "./operations";

const json = <Schema>(schema: Schema) => ({ content: { "application/json": { schema } } });

/** The OpenAPI 3.1 description of the API, generated from the operations' own zod schemas. */
export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of apiOperations) {
    const failures: ZodOpenApiOperationObject["responses"] = {
      "401": { description: "No token, or a malformed, unknown or revoked one", ...json(errorSchema) },
      "404": { description: "Not found, or not visible to the token's owner", ...json(errorSchema) },
      "429": { description: "Too many requests with this token; see Retry-After", ...json(errorSchema) },
    };
    if (operation.query || operation.body) failures["400"] = { description: "Invalid input; `fields` says which and why", ...json(errorSchema) };
    failures["403"] = {
      description: operation.scope === "write" ? "A read-only token, or the owner may not do this" : "The token's owner is suspended",
      ...json(errorSchema),
    };
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        operationId: operation.operationId,
        summary: operation.summary,
        tags: [operation.tag],
        "x-guilde-scope": operation.scope,
        requestParams: { ...(operation.params ? { path: operation.params } : {}), ...(operation.query ? { query: operation.query } : {}) },
        ...(operation.body ? { requestBody: { required: true, ...json(operation.body) } } : {}),
        responses: { [operation.status]: { description: operation.status === 201 ? "Created" : "OK", ...json(operation.response) }, ...failures },
      } satisfies ZodOpenApiOperationObject,
    };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Guilde API",
      version: "1",
      description:
        "Guilde's JSON API. Authenticate with a personal access token (Settings → API tokens) sent as `Authorization: Bearer guilde_pat_…`. " +
        "A token sees and does exactly what its owner may; read tokens may only use GET operations. Lists are paginated by cursor.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ personalAccessToken: [] }],
    components: { securitySchemes: { personalAccessToken: { type: "http", scheme: "bearer", description: "guilde_pat_…" } } },
    paths,
  });
}
