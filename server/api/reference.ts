/**
 * The API reference page's content, read from the OpenAPI document itself (so the page and
 * /api/v1/openapi.json never disagree): operations grouped by tag, with their parameters and a
 * flattened summary of each request and response schema.
 */
import { openApiDocument } from "./openapi";

export interface ReferenceField {
  /** Dotted path into the JSON: `author.displayName`, `items[].id`. */
  name: string;
  type: string;
  required: boolean;
  description: string | null;
}

export interface ReferenceOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  scope: "read" | "write";
  parameters: (ReferenceField & { in: "path" | "query" })[];
  requestBody: ReferenceField[] | null;
  success: { status: string; fields: ReferenceField[] };
  failures: { status: string; description: string }[];
}

export interface ApiReference {
  title: string;
  version: string;
  /** Every failure answers this shape. */
  errorFields: ReferenceField[];
  groups: { tag: string; operations: ReferenceOperation[] }[];
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  name: string;
  in: "path" | "query";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  "x-guilde-scope": "read" | "write";
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: JsonSchema } } }>;
}

/** Nesting this deep is spelled out; below it a field just says `object`. */
const maxDepth = 4;

function referenceOf(document: { components?: { schemas?: Record<string, unknown> } }) {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(schemas[schema.$ref.replace("#/components/schemas/", "")] ?? {}) : schema);

  const alternatives = (schema: JsonSchema) => (schema.anyOf ?? schema.oneOf ?? []).map(resolve);
  const isNull = (schema: JsonSchema) => schema.type === "null";

  /** The object a field holds, looking through `X or null` and `array of X`. */
  const objectInside = (schema: JsonSchema): { object: JsonSchema; suffix: string } | null => {
    const resolved = resolve(schema);
    if (resolved.properties) return { object: resolved, suffix: "" };
    const options = alternatives(resolved).filter((option) => !isNull(option));
    if (options.length === 1) return objectInside(options[0]);
    if (resolved.type === "array" && resolved.items) {
      const inner = objectInside(resolved.items);
      return inner ? { object: inner.object, suffix: `[]${inner.suffix}` } : null;
    }
    return null;
  };

  const limits = (schema: JsonSchema): string => {
    const parts: string[] = [];
    if (schema.minLength !== undefined && schema.maxLength !== undefined) parts.push(`${schema.minLength}–${schema.maxLength} characters`);
    else if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
    else if (schema.minLength !== undefined) parts.push(`at least ${schema.minLength} characters`);
    // zod's integers carry the safe-integer bounds, which say nothing to a reader.
    const meaningful = (bound: number | undefined) => bound !== undefined && Math.abs(bound) < Number.MAX_SAFE_INTEGER;
    if (meaningful(schema.minimum) || meaningful(schema.maximum)) parts.push(`${meaningful(schema.minimum) ? schema.minimum : "…"}–${meaningful(schema.maximum) ? schema.maximum : "…"}`);
    if (schema.default !== undefined && !(Array.isArray(schema.default) && schema.default.length === 0)) parts.push(`default ${JSON.stringify(schema.default)}`);
    return parts.length ? ` (${parts.join(", ")})` : "";
  };

  const typeOf = (schema: JsonSchema): string => {
    const resolved = resolve(schema);
    const options = alternatives(resolved);
    if (options.length) return [...new Set(options.map(typeOf))].join(" or ") + limits(resolved);
    if (resolved.enum) return `one of ${resolved.enum.map((value) => JSON.stringify(value)).join(", ")}${limits(resolved)}`;
    if (resolved.type === "array") return `array of ${resolved.items ? typeOf(resolved.items) : "anything"}`;
    if (resolved.properties || resolved.type === "object") return "object";
    const type = Array.isArray(resolved.type) ? resolved.type.join(" or ") : (resolved.type ?? "any");
    return `${type}${resolved.format ? ` (${resolved.format})` : ""}${limits(resolved)}`;
  };

  const fieldsOf = (schema: JsonSchema, prefix = "", depth = 0): ReferenceField[] => {
    const inside = objectInside(schema);
    if (!inside) return [];
    const { object } = inside;
    return Object.entries(object.properties ?? {}).flatMap(([name, property]) => {
      const fieldName = `${prefix}${name}`;
      const field: ReferenceField = {
        name: fieldName,
        type: typeOf(property),
        required: object.required?.includes(name) ?? false,
        description: resolve(property).description ?? property.description ?? null,
      };
      const nested = depth < maxDepth ? objectInside(property) : null;
      return [field, ...(nested ? fieldsOf(property, `${fieldName}${nested.suffix}.`, depth + 1) : [])];
    });
  };

  return { fieldsOf, typeOf };
}

let cached: ApiReference | undefined;

export function apiReference(): ApiReference {
  if (cached) return cached;
  const document = openApiDocument();
  const { fieldsOf, typeOf } = referenceOf(document);
  const groups = new Map<string, ReferenceOperation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ["get", "post"] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const [successStatus, ...failureStatuses] = Object.keys(operation.responses).sort();
      const success = operation.responses[successStatus];
      const tag = operation.tags[0] ?? "Other";
      groups.set(tag, [
        ...(groups.get(tag) ?? []),
        {
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          summary: operation.summary,
          scope: operation["x-guilde-scope"],
          parameters: (operation.parameters ?? []).map((parameter) => ({
            name: parameter.name,
            in: parameter.in,
            type: parameter.schema ? typeOf(parameter.schema) : "string",
            required: parameter.required ?? false,
            description: parameter.description ?? parameter.schema?.description ?? null,
          })),
          requestBody: operation.requestBody ? fieldsOf(operation.requestBody.content["application/json"].schema) : null,
          success: { status: successStatus, fields: success.content ? fieldsOf(success.content["application/json"].schema) : [] },
          failures: failureStatuses.map((status) => ({ status, description: operation.responses[status].description })),
        },
      ]);
    }
  }
  cached = {
    title: document.info.title,
    version: document.info.version,
    errorFields: fieldsOf({ $ref: "#/components/schemas/Error" }),
    groups: [...groups].map(([tag, operations]) => ({ tag, operations })),
  };
  return cached;
}
