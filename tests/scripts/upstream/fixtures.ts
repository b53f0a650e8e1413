// Small documents for the upstream gate's tests: one operation, described the
// spec's way (OpenAPI 3.1, its own names) and Cloudflare's way (3.0.3,
// `{prefix_identifier}`, prefixed component names, nullable), alike in what
// they admit, so that each test changes one thing and sees one finding.
import type { Node } from "../../../scripts/lib/spec.ts";

/** The spec's side: Get Thing, with a path-level parameter and an envelope in allOf. */
export function specSide(): Node {
  return {
    openapi: "3.1.0",
    info: { title: "spec", version: "1" },
    security: [{ token: [] }],
    paths: {
      "/accounts/{account_id}/things/{thing_id}": {
        parameters: [{ $ref: "#/components/parameters/AccountId" }],
        get: {
          operationId: "getThing",
          summary: "Get Thing",
          parameters: [
            { name: "thing_id", in: "path", required: true, schema: { $ref: "#/components/schemas/Id" } },
          ],
          responses: {
            "200": {
              description: "The thing.",
              content: {
                "application/json": {
                  schema: {
                    allOf: [
                      { $ref: "#/components/schemas/Envelope" },
                      { type: "object", properties: { result: { $ref: "#/components/schemas/Thing" } } },
                    ],
                  },
                },
              },
            },
            "404": { $ref: "#/components/responses/Failure" },
            "4XX": { $ref: "#/components/responses/Failure" },
          },
        },
      },
    },
    components: {
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "An API token." } },
      parameters: {
        AccountId: {
          name: "account_id",
          in: "path",
          required: true,
          schema: { $ref: "#/components/schemas/Id" },
        },
      },
      responses: {
        Failure: {
          description: "A failure.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["success", "result"],
                properties: { success: { const: false }, result: { type: "null" } },
              },
            },
          },
        },
      },
      schemas: {
        Id: { type: "string", maxLength: 32, examples: ["023e105f4ecef8ad9ca31a8372d0c353"] },
        Envelope: {
          type: "object",
          required: ["success"],
          properties: { success: { const: true, description: "Always true." } },
        },
        Thing: {
          type: "object",
          properties: {
            id: { $ref: "#/components/schemas/Id" },
            state: { type: "string", enum: ["active", "provisioning"] },
          },
        },
      },
    },
  };
}

/** Cloudflare's side of the same operation, written as its published schema writes things. */
export function upstreamSide(): Node {
  return {
    openapi: "3.0.3",
    info: { title: "Cloudflare API", version: "4.0.0" },
    paths: {
      "/accounts/{account_identifier}/things/{thing_identifier}": {
        get: {
          operationId: "things-get-thing",
          description: "Fetch a single thing",
          parameters: [
            {
              in: "path",
              name: "account_identifier",
              required: true,
              schema: { $ref: "#/components/schemas/cf_identifier" },
            },
            {
              in: "path",
              name: "thing_identifier",
              required: true,
              schema: { $ref: "#/components/schemas/cf_identifier" },
            },
          ],
          security: [{ api_token: [] }],
          responses: {
            "200": {
              description: "The thing",
              content: {
                "application/json": {
                  schema: {
                    allOf: [
                      { $ref: "#/components/schemas/cf_common" },
                      { properties: { result: { $ref: "#/components/schemas/cf_thing" } } },
                    ],
                  },
                },
              },
            },
            "4XX": {
              description: "Failure",
              content: { "application/json": { schema: { $ref: "#/components/schemas/cf_failure" } } },
            },
          },
        },
      },
      "/accounts/{account_identifier}/other": {
        get: { operationId: "other", responses: { "200": { description: "not the spec's" } } },
      },
    },
    components: {
      securitySchemes: {
        api_token: { type: "http", scheme: "bearer" },
        unused_key: { type: "apiKey", in: "header", name: "X-Key" },
      },
      schemas: {
        cf_identifier: {
          type: "string",
          maxLength: 32,
          example: "023e105f4ecef8ad9ca31a8372d0c353",
          description: "Identifier",
        },
        cf_common: {
          type: "object",
          required: ["success"],
          properties: { success: { type: "boolean", enum: [true], example: true } },
        },
        cf_thing: {
          type: "object",
          properties: {
            id: { $ref: "#/components/schemas/cf_identifier" },
            state: { $ref: "#/components/schemas/cf_state" },
          },
        },
        cf_state: { type: "string", enum: ["provisioning", "active"], "x-stainless": "ignored" },
        cf_failure: {
          type: "object",
          required: ["success", "result"],
          properties: {
            success: { type: "boolean", enum: [false] },
            result: { type: "object", nullable: true, enum: [null] },
          },
        },
        cf_unused: { type: "string" },
      },
    },
  };
}

/** The spec side's Get Thing, where tests reach into it. */
export const specOperation = (doc: Node) => doc.paths["/accounts/{account_id}/things/{thing_id}"].get;

/** The upstream side's Get Thing. */
export const upstreamOperation = (doc: Node) =>
  doc.paths["/accounts/{account_identifier}/things/{thing_identifier}"].get;
