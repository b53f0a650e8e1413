// Comparing the spec with upstream, per operation: the same operation written
// two ways has no difference, and each change on one side is one finding that
// names the operation, the pointer, the kind and both values.
import { describe, expect, test } from "vitest";
import { compareDocuments } from "../../../scripts/lib/upstream/compare.ts";
import { specOperation, specSide, upstreamOperation, upstreamSide } from "./fixtures.ts";

describe("compareDocuments", () => {
  test("finds nothing between the same operation written the spec's way and Cloudflare's way", () => {
    expect(compareDocuments(upstreamSide(), specSide())).toEqual([]);
  });

  test("an id limit loosened upstream: a limit finding at the parameter's schema, by the spec's parameter name", () => {
    const upstream = upstreamSide();
    upstream.components.schemas.cf_identifier.maxLength = 36;
    const findings = compareDocuments(upstream, specSide());
    expect(findings).toContainEqual({
      operation: "getThing",
      pointer: "/parameters/path/thing_id/schema/maxLength",
      kind: "limit",
      upstream: 36,
      spec: 32,
    });
    expect(findings.map((f) => f.pointer)).toContain(
      "/responses/200/properties/result/properties/id/maxLength",
    );
  });

  test("an enum value added upstream: one enum finding with both sides' values, sorted", () => {
    const upstream = upstreamSide();
    upstream.components.schemas.cf_state.enum.push("deprovisioning");
    expect(compareDocuments(upstream, specSide())).toEqual([
      {
        operation: "getThing",
        pointer: "/responses/200/properties/result/properties/state/enum",
        kind: "enum",
        upstream: ["active", "deprovisioning", "provisioning"],
        spec: ["active", "provisioning"],
      },
    ]);
  });

  test("a response member added upstream: a member finding with its type", () => {
    const upstream = upstreamSide();
    upstream.components.schemas.cf_thing.properties.created_at = { type: "string", format: "date-time" };
    expect(compareDocuments(upstream, specSide())).toEqual([
      {
        operation: "getThing",
        pointer: "/responses/200/properties/result/properties/created_at",
        kind: "member",
        upstream: "string",
        spec: "absent",
      },
    ]);
  });

  test("a member made required on one side: a required finding per member", () => {
    const spec = specSide();
    spec.components.schemas.Thing.required = ["id"];
    expect(compareDocuments(upstreamSide(), spec)).toEqual([
      {
        operation: "getThing",
        pointer: "/responses/200/properties/result/required/id",
        kind: "required",
        upstream: false,
        spec: true,
      },
    ]);
  });

  test("a type changed: a type finding", () => {
    const upstream = upstreamSide();
    upstream.components.schemas.cf_thing.properties.state = { type: "integer" };
    expect(compareDocuments(upstream, specSide())).toContainEqual(
      expect.objectContaining({
        pointer: "/responses/200/properties/result/properties/state/type",
        upstream: "integer",
        spec: "string",
      }),
    );
  });

  test("a status only one side declares, where the other has no range for it: a response finding", () => {
    const spec = specSide();
    spec.paths["/accounts/{account_id}/things/{thing_id}"].get.responses["5XX"] = {
      $ref: "#/components/responses/Failure",
    };
    expect(compareDocuments(upstreamSide(), spec)).toEqual([
      {
        operation: "getThing",
        pointer: "/responses/5XX",
        kind: "response",
        upstream: "absent",
        spec: "object",
      },
    ]);
  });

  test("a status the spec declares with its own body is compared with the upstream range that covers it", () => {
    const spec = specSide();
    specOperation(spec).responses["429"] = {
      description: "Rate limited.",
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["success", "result"],
            properties: { success: { const: false }, result: { type: "null" }, retry: { type: "integer" } },
          },
        },
      },
    };
    expect(compareDocuments(upstreamSide(), spec)).toEqual([
      {
        operation: "getThing",
        pointer: "/responses/429/properties/retry",
        kind: "member",
        upstream: "absent",
        spec: "integer",
      },
    ]);
  });

  test("security that differs: one finding with each side's alternatives, in words, without scheme names", () => {
    const upstream = upstreamSide();
    upstreamOperation(upstream).security = [{ unused_key: [] }];
    expect(compareDocuments(upstream, specSide())).toEqual([
      {
        operation: "getThing",
        pointer: "/security",
        kind: "security",
        upstream: [["apiKey header x-key"]],
        spec: [["http bearer"]],
      },
    ]);
  });

  test("security compares whatever order the schemes of an alternative, and the alternatives, come in", () => {
    const spec = specSide();
    const upstream = upstreamSide();
    spec.components.securitySchemes.email = { type: "apiKey", in: "header", name: "X-Auth-Email" };
    spec.components.securitySchemes.key = { type: "apiKey", in: "header", name: "X-Auth-Key" };
    upstream.components.securitySchemes.api_email = { type: "apiKey", in: "header", name: "x-auth-email" };
    upstream.components.securitySchemes.api_key = { type: "apiKey", in: "header", name: "x-auth-key" };
    spec.security = [{ token: [] }, { email: [], key: [] }];
    upstreamOperation(upstream).security = [{ api_key: [], api_email: [] }, { api_token: [] }];
    expect(compareDocuments(upstream, spec)).toEqual([]);
  });

  test("a request body required on one side only, and a body member required on one side only", () => {
    const spec = specSide();
    const upstream = upstreamSide();
    const body = (required: boolean, members: string[]) => ({
      required,
      content: {
        "application/json": {
          schema: { type: "object", required: members, properties: { cidr: { type: "string" } } },
        },
      },
    });
    specOperation(spec).requestBody = body(true, ["cidr"]);
    upstreamOperation(upstream).requestBody = body(false, []);
    expect(compareDocuments(upstream, spec)).toEqual([
      {
        operation: "getThing",
        pointer: "/requestBody/required",
        kind: "required",
        upstream: false,
        spec: true,
      },
      {
        operation: "getThing",
        pointer: "/requestBody/schema/required/cidr",
        kind: "required",
        upstream: false,
        spec: true,
      },
    ]);
  });

  test("a parameter only the spec has: a parameter finding", () => {
    const spec = specSide();
    specOperation(spec).parameters.push({ name: "page", in: "query", schema: { type: "integer" } });
    expect(compareDocuments(upstreamSide(), spec)).toEqual([
      {
        operation: "getThing",
        pointer: "/parameters/query/page",
        kind: "parameter",
        upstream: "absent",
        spec: "integer",
      },
    ]);
  });

  test("a parameter required on one side only: a required finding at the parameter", () => {
    const spec = specSide();
    const upstream = upstreamSide();
    specOperation(spec).parameters.push({
      name: "page",
      in: "query",
      required: true,
      schema: { type: "integer" },
    });
    upstreamOperation(upstream).parameters.push({ name: "page", in: "query", schema: { type: "integer" } });
    expect(compareDocuments(upstream, spec)).toEqual([
      {
        operation: "getThing",
        pointer: "/parameters/query/page/required",
        kind: "required",
        upstream: false,
        spec: true,
      },
    ]);
  });

  test('an operation upstream lacks: one finding for the whole operation, at the pointer ""', () => {
    const upstream = upstreamSide();
    upstream.paths = { "/accounts/{a}/other": upstream.paths["/accounts/{account_identifier}/other"] };
    expect(compareDocuments(upstream, specSide())).toEqual([
      {
        operation: "getThing",
        pointer: "",
        kind: "operation",
        upstream: "absent",
        spec: "GET /accounts/{account_id}/things/{thing_id}",
      },
    ]);
  });

  test("a member name with a slash or a tilde is escaped in the pointer (RFC 6901)", () => {
    const upstream = upstreamSide();
    upstream.components.schemas.cf_thing.properties["a/b~c"] = { type: "string" };
    expect(compareDocuments(upstream, specSide())[0]?.pointer).toBe(
      "/responses/200/properties/result/properties/a~1b~0c",
    );
  });
});
