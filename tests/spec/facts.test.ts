// The facts of the real API that the spec must state. Each test reads the spec,
// so an edit that drops or loosens one of them fails here.
import { describe, expect, test } from "vitest";
import { deref, flatten, loadSpec, type Node, operations, responses } from "../../scripts/lib/spec.ts";

const spec = loadSpec();
const ops = operations(spec);
const BINDINGS = "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings";
const BINDING = `${BINDINGS}/{binding_id}`;
const SERVICES = "/accounts/{account_id}/addressing/services";

function op(method: string, path: string) {
  const found = ops.find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the spec`);
  return found;
}

function response(method: string, path: string, status: string) {
  const found = responses(spec, op(method, path)).find((r) => r.status === status);
  if (!found) throw new Error(`${method.toUpperCase()} ${path} declares no ${status}`);
  return found;
}

/** The schema of the envelope's `result` member, or undefined when the envelope declares none. */
function resultOf(schema: Node): Node {
  return flatten(spec, schema).properties.result;
}

/** The value of `key` in a property's schema, looking through the `allOf` parts that merging produced. */
function constraint(schema: Node, key: string): unknown {
  const resolved = deref(spec, schema);
  if (resolved && key in resolved) return resolved[key];
  for (const part of resolved?.allOf ?? []) {
    const found = constraint(part, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether a schema is, or is built with `allOf` on, the schema at `ref`. */
function refersTo(schema: Node, ref: string): boolean {
  if (schema?.$ref === ref) return true;
  return (deref(spec, schema).allOf ?? []).some((part: Node) => refersTo(part, ref));
}

function isSuccess(status: string) {
  return status.startsWith("2");
}

describe("the document", () => {
  test("is OpenAPI 3.1 with a version, a license and the Cloudflare API v4 server", () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
    expect(spec.info.version).toEqual(expect.any(String));
    expect(spec.info.license.name).toEqual(expect.any(String));
    expect(spec.servers.map((s: Node) => s.url)).toContain("https://api.cloudflare.com/client/v4");
  });

  // Others may be added (edit the spec, npm run generate, describe it in the README); these five must stay.
  test("describes the five operations of the Service Bindings API", () => {
    expect(ops.map((o) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`)).toEqual(
      expect.arrayContaining([
        `GET ${BINDINGS} listServiceBindings`,
        `POST ${BINDINGS} createServiceBinding`,
        `GET ${BINDING} getServiceBinding`,
        `DELETE ${BINDING} deleteServiceBinding`,
        `GET ${SERVICES} listServices`,
      ]),
    );
  });

  test.each(ops.map((o) => [o.operationId, o] as const))(
    "%s has a camelCase id, summary, description and a declared tag",
    (_, o) => {
      expect(o.operationId).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(o.node.summary).toEqual(expect.any(String));
      expect(o.node.description?.length).toBeGreaterThan(10);
      const declared = spec.tags.map((t: Node) => t.name);
      expect(o.node.tags.length).toBeGreaterThan(0);
      for (const tag of o.node.tags) expect(declared).toContain(tag);
    },
  );
});

describe("path parameters", () => {
  const all = ops.flatMap((o) => o.parameters.map((p) => [`${o.operationId} ${p.name}`, o, p] as const));

  test.each(all)("%s is a required string limited to 32 characters and nothing stricter", (_, o, p) => {
    expect(p.in).toBe("path");
    expect(o.path).toContain(`{${p.name}}`);
    expect(p.required).toBe(true);
    const schema = deref(spec, p.schema);
    expect(schema).toMatchObject({ type: "string", maxLength: 32 });
    // The API declares only the length limit: no pattern, format or minimum length.
    expect(schema.pattern).toBeUndefined();
    expect(schema.format).toBeUndefined();
    expect(schema.minLength).toBeUndefined();
    // The fake's default seed and the contract suite's requests use it.
    expect(p.example).toEqual(expect.any(String));
  });

  test("every operation declares every placeholder of its path, and no query parameter", () => {
    for (const o of ops) {
      const placeholders = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(o.parameters.map((p) => p.name).sort()).toEqual(placeholders.sort());
    }
  });
});

describe("the envelope", () => {
  const all = ops.flatMap((o) => responses(spec, o).map((r) => [`${o.operationId} ${r.status}`, r] as const));

  test.each(all)("%s is the envelope with success, errors and messages required", (_, r) => {
    // A 429 has its own envelope, whose error codes have no minimum (see the rate limit's facts below).
    const envelope = r.status === "429" ? "RateLimitEnvelope" : "Envelope";
    expect(refersTo(r.schema, `#/components/schemas/${envelope}`)).toBe(true);
    expect([...flatten(spec, r.schema).required]).toEqual(
      expect.arrayContaining(["success", "errors", "messages"]),
    );
  });

  test("a message has an integer code of at least 1000, a message, and optional documentation_url and source.pointer", () => {
    const message = deref(spec, spec.components.schemas.ResponseMessage);
    expect(message.required.sort()).toEqual(["code", "message"]);
    expect(message.properties.code).toMatchObject({ type: "integer", minimum: 1000 });
    expect(message.properties.message.type).toBe("string");
    expect(message.properties.documentation_url.type).toBe("string");
    expect(message.properties.source.properties.pointer.type).toBe("string");
    const envelope = flatten(spec, spec.components.schemas.Envelope);
    for (const list of ["errors", "messages"]) {
      expect(deref(spec, envelope.properties[list]).items.$ref).toBe("#/components/schemas/ResponseMessage");
    }
  });

  test("a 429's errors admit any integer code, because the live API sends 971 there, and say so", () => {
    const envelope = flatten(spec, spec.components.schemas.RateLimitEnvelope);
    const items = deref(spec, deref(spec, envelope.properties.errors).items);
    expect(items.properties.code).toEqual(expect.objectContaining({ type: "integer" }));
    expect(items.properties.code.minimum).toBeUndefined();
    expect(items.description).toMatch(/971/);
    expect(items.description).toMatch(/observed/i);
    // Its informational messages keep the published minimum: nothing contradicts it there.
    expect(deref(spec, envelope.properties.messages).items.$ref).toBe("#/components/schemas/ResponseMessage");
  });

  test.each(all.filter(([, r]) => !isSuccess(r.status)))(
    "%s is a failure: success false, errors non-empty, result null",
    (_, r) => {
      const { properties, required } = flatten(spec, r.schema);
      expect(required.has("result")).toBe(true);
      expect(constraint(properties.success, "const")).toBe(false);
      expect(constraint(properties.errors, "minItems")).toBe(1);
      expect(constraint(properties.result, "type")).toBe("null");
    },
  );

  test.each(all.filter(([, r]) => isSuccess(r.status)))("%s is a success: success is true", (_, r) => {
    expect(constraint(flatten(spec, r.schema).properties.success, "const")).toBe(true);
  });
});

describe("operations", () => {
  test("List Service Bindings answers 200 with an array of ServiceBinding, unpaginated", () => {
    const r = response("get", BINDINGS, "200");
    const result = deref(spec, resultOf(r.schema));
    expect(result.type).toBe("array");
    expect(result.items.$ref).toBe("#/components/schemas/ServiceBinding");
    expect(flatten(spec, r.schema).properties.result_info).toBeUndefined();
    expect(op("get", BINDINGS).parameters.filter((p) => p.in === "query")).toEqual([]);
  });

  test("Create Service Binding takes a required cidr and service_id and answers 201 with the binding", () => {
    const o = op("post", BINDINGS);
    expect(o.node.requestBody.required).toBe(true);
    const body = deref(spec, o.node.requestBody.content["application/json"].schema);
    expect([...body.required].sort()).toEqual(["cidr", "service_id"]);
    expect(deref(spec, body.properties.cidr).type).toBe("string");
    expect(deref(spec, body.properties.service_id)).toMatchObject({ type: "string", maxLength: 32 });
    expect(Object.keys(o.node.responses).filter(isSuccess)).toEqual(["201"]);
    expect(resultOf(response("post", BINDINGS, "201").schema).$ref).toBe(
      "#/components/schemas/ServiceBinding",
    );
    expect(o.node.description).toMatch(/first.*binding.*prefix.*CIDR/is);
    expect(o.node.description).toMatch(/more specific/i);
  });

  test("Get Service Binding answers 200 with one ServiceBinding", () => {
    expect(resultOf(response("get", BINDING, "200").schema).$ref).toBe("#/components/schemas/ServiceBinding");
  });

  test("Delete Service Binding answers 200 with a success envelope whose result is absent or null", () => {
    const r = response("delete", BINDING, "200");
    expect(deref(spec, resultOf(r.schema)).type).toBe("null");
    expect(flatten(spec, r.schema).required.has("result")).toBe(false);
    // The example shows the answer as Cloudflare's API reference does: no result member.
    for (const example of Object.values(r.examples)) expect(example.value).not.toHaveProperty("result");
  });

  test("List Services answers 200 with an array of {id, name}", () => {
    const result = deref(spec, resultOf(response("get", SERVICES, "200").schema));
    expect(result.type).toBe("array");
    const service = deref(spec, result.items);
    expect([...service.required].sort()).toEqual(["id", "name"]);
    expect(deref(spec, service.properties.id)).toMatchObject({ type: "string", maxLength: 32 });
    expect(service.properties.name.type).toBe("string");
  });

  test("every operation declares the failures a caller meets: 400, 401, 403, 429, 500 and any other 4XX or 5XX", () => {
    for (const o of ops)
      expect(Object.keys(o.node.responses)).toEqual(
        expect.arrayContaining(["400", "401", "403", "429", "500", "4XX", "5XX"]),
      );
  });

  test("every member of a request body has a 400 example whose error points at it (the fake answers with it)", () => {
    for (const o of ops.filter((x) => x.node.requestBody)) {
      const body = deref(spec, o.node.requestBody.content["application/json"].schema);
      const pointers = Object.values(response(o.method, o.path, "400").examples).map(
        (example) => example.value.errors[0]?.source?.pointer,
      );
      for (const member of Object.keys(body.properties)) expect(pointers).toContain(`/${member}`);
    }
  });

  test("operations on a prefix declare 404", () => {
    for (const o of ops.filter((x) => x.path.includes("{prefix_id}")))
      expect(Object.keys(o.node.responses)).toContain("404");
  });

  test("a 429 may carry a Retry-After header in seconds; optional, as the live API does not always send it", () => {
    for (const o of ops) {
      const header = deref(spec, deref(spec, o.node.responses["429"]).headers["Retry-After"]);
      expect(header.required ?? false).toBe(false);
      expect(header.description).toMatch(/observed/i);
      expect(deref(spec, header.schema)).toMatchObject({ type: "integer", minimum: 0 });
    }
  });
});

describe("ServiceBinding", () => {
  const binding = deref(spec, spec.components.schemas.ServiceBinding);

  test("requires id, cidr, provisioning.state and service_id; service_name is optional", () => {
    expect([...binding.required].sort()).toEqual(["cidr", "id", "provisioning", "service_id"]);
    expect(deref(spec, binding.properties.provisioning).required).toEqual(["state"]);
  });

  test("has id, cidr, provisioning.state, service_id and service_name", () => {
    expect(Object.keys(binding.properties).sort()).toEqual([
      "cidr",
      "id",
      "provisioning",
      "service_id",
      "service_name",
    ]);
    expect(deref(spec, binding.properties.id)).toMatchObject({ type: "string", maxLength: 32 });
    expect(deref(spec, binding.properties.service_id)).toMatchObject({ type: "string", maxLength: 32 });
    expect(deref(spec, binding.properties.cidr).type).toBe("string");
    expect(binding.properties.service_name.type).toBe("string");
  });

  test("provisioning.state is one of the three known states, and says new ones may come", () => {
    const state = deref(spec, deref(spec, binding.properties.provisioning).properties.state);
    expect(state.enum).toEqual(["provisioning", "active", "magic_transit_route_missing"]);
    expect(state.description).toMatch(/added values/i);
  });
});

describe("authentication", () => {
  test("every operation accepts a bearer token or the X-Auth-Email and X-Auth-Key pair", () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.apiEmail).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Email" });
    expect(schemes.apiKey).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Key" });
    const expected = [{ apiToken: [] }, { apiEmail: [], apiKey: [] }];
    for (const o of ops) expect(o.node.security ?? spec.security).toEqual(expected);
  });
});

describe("examples", () => {
  const all = ops.flatMap((o) => responses(spec, o).map((r) => [`${o.operationId} ${r.status}`, r] as const));

  test.each(all)("%s has at least one named example", (_, r) => {
    expect(Object.keys(r.examples).length).toBeGreaterThan(0);
  });

  test.each([
    ["getServiceBinding", "404", "binding_not_found"],
    ["deleteServiceBinding", "404", "binding_not_found"],
    ["createServiceBinding", "400", "invalid_cidr"],
    ["createServiceBinding", "400", "invalid_service_id"],
    ["listServiceBindings", "400", "missing_credentials"],
    ["listServiceBindings", "401", "invalid_token"],
    ["listServiceBindings", "403", "permission_denied"],
    ["listServices", "429", "rate_limited"],
    ["listServices", "500", "server_error"],
  ])("%s %s names the failure %s", (operationId, status, name) => {
    const o = ops.find((x) => x.operationId === operationId);
    if (!o) throw new Error(`no ${operationId}`);
    const r = responses(spec, o).find((x) => x.status === status);
    expect(r?.examples[name]?.value.success).toBe(false);
  });
});

describe("descriptions", () => {
  /** Every schema and property reachable from components.schemas that lacks a description. */
  function undocumented(): string[] {
    const missing: string[] = [];
    const visit = (node: Node, where: string) => {
      if (!node || typeof node !== "object" || node.$ref) return;
      if (where.split("/").length <= 1 || where.includes("/properties/")) {
        if (!node.description && node !== false) missing.push(where);
      }
      for (const [name, value] of Object.entries<Node>(node.properties ?? {})) {
        if (typeof value === "object") visit(value, `${where}/properties/${name}`);
      }
      if (node.items) visit(node.items, `${where}/items`);
      for (const [i, part] of (node.allOf ?? []).entries()) visit(part, `${where}/allOf/${i}`);
    };
    for (const [name, schema] of Object.entries<Node>(spec.components.schemas)) visit(schema, name);
    return missing;
  }

  test("every schema and every field is described", () => {
    expect(undocumented()).toEqual([]);
  });

  test("every property that refers to a shared schema says what it means here", () => {
    const bare: string[] = [];
    for (const [name, schema] of Object.entries<Node>(spec.components.schemas)) {
      for (const [prop, value] of Object.entries<Node>(schema.properties ?? {})) {
        if (value?.$ref && !value.description && !deref(spec, value).description)
          bare.push(`${name}.${prop}`);
      }
    }
    expect(bare).toEqual([]);
  });
});

describe("what the live API was observed to answer, on every operation", () => {
  // [status, example, code, message]: each example must say "Observed" and cite where it was seen.
  const OBSERVED = [
    ["400", "missing_credentials", 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers"],
    ["401", "invalid_token", 10000, "Authentication error"],
    ["403", "permission_denied", 10000, "Authentication error"],
    ["429", "rate_limited", 971, "Please wait and consider throttling your request speed"],
  ] as const;

  test.each(ops.flatMap((o) => OBSERVED.map((fact) => [o.operationId, ...fact] as const)))(
    "%s %s %s: code %i, %j, with its source",
    (operationId, status, name, code, message) => {
      const o = ops.find((x) => x.operationId === operationId);
      const r = o && responses(spec, o).find((x) => x.status === status);
      const example = r?.examples[name];
      expect(example?.value).toEqual({
        success: false,
        errors: [{ code, message }],
        messages: [],
        result: null,
      });
      expect(example?.description).toMatch(/^Observed: /);
      expect(example?.description).toMatch(/https:\/\/\S+/);
    },
  );

  test("missing credentials are no longer described as a 401", () => {
    for (const o of ops) {
      const unauthorized = responses(spec, o).find((x) => x.status === "401");
      expect(Object.keys(unauthorized?.examples ?? {})).not.toContain("missing_credentials");
    }
  });
});

describe("how the operations chain (OpenAPI links)", () => {
  /** The links of an operation's success response, references resolved. */
  function linksOf(operationId: string, status: string): Record<string, Node> {
    const o = ops.find((x) => x.operationId === operationId);
    const r = o && responses(spec, o).find((x) => x.status === status);
    return Object.fromEntries(
      Object.entries<Node>(r?.response.links ?? {}).map(([n, l]) => [n, deref(spec, l)]),
    );
  }

  test.each([
    ["createServiceBinding", "201", "$response.body#/result/id"],
    ["listServiceBindings", "200", "$response.body#/result/0/id"],
  ])("%s %s links to get and delete the binding by %s", (operationId, status, idExpression) => {
    const links = Object.values(linksOf(operationId, status));
    expect(links.map((l) => l.operationId).sort()).toEqual(["deleteServiceBinding", "getServiceBinding"]);
    for (const link of links) {
      const target = ops.find((x) => x.operationId === link.operationId);
      // Every path parameter of the target is given: its binding_id from the answer, the rest from the request.
      expect(Object.keys(link.parameters).sort()).toEqual(target?.parameters.map((p) => p.name).sort());
      expect(link.parameters.binding_id).toBe(idExpression);
      expect(link.parameters.account_id).toBe("$request.path.account_id");
      expect(link.parameters.prefix_id).toBe("$request.path.prefix_id");
      expect(link.description).toEqual(expect.any(String));
    }
  });

  test("the id each link reads is where the response schema has it", () => {
    const create = flatten(
      spec,
      responses(spec, op("post", BINDINGS)).find((r) => r.status === "201")?.schema,
    );
    expect(deref(spec, create.properties.result).required).toContain("id");
    const list = flatten(spec, responses(spec, op("get", BINDINGS)).find((r) => r.status === "200")?.schema);
    expect(deref(spec, deref(spec, list.properties.result).items).required).toContain("id");
  });
});
