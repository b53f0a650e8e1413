// Every named example in the spec validates against the schema it illustrates,
// with no member the schema does not define: the mock serves these examples,
// so an invalid one would teach the client and its users a wrong contract.
import { describe, expect, test } from "vitest";
import { deref, flatten, loadSpec, type Node, operations, responses } from "../../scripts/lib/spec.ts";
import { specValidator } from "../../scripts/lib/spec-validator.ts";

const spec = loadSpec();
const validatorFor = specValidator(spec).at;

/** The item schema of an array schema, looking through `allOf` parts. */
function itemsOf(schema: Node): Node {
  const resolved = deref(spec, schema);
  return resolved.items ?? (resolved.allOf ?? []).map((part: Node) => itemsOf(part)).find(Boolean);
}

/**
 * Members of `value` that its schema does not declare. Schemas composed with
 * allOf cannot say `additionalProperties: false` on their parts, so this walks
 * the merged properties instead.
 */
function strayMembers(schema: Node, value: Node, where = ""): string[] {
  const resolved = deref(spec, schema);
  if (typeof resolved !== "object" || value === null || typeof value !== "object") return [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => strayMembers(itemsOf(resolved) ?? {}, item, `${where}/${i}`));
  const { properties } = flatten(spec, resolved);
  return Object.entries(value).flatMap(([name, member]) =>
    name in properties ? strayMembers(properties[name], member, `${where}/${name}`) : [`${where}/${name}`],
  );
}

const cases = operations(spec).flatMap((o) =>
  responses(spec, o).flatMap((r) =>
    Object.entries(r.examples).map(([name, example]) => ({
      title: `${o.operationId} ${r.status} ${name}`,
      schema: r.schema,
      value: example.value,
    })),
  ),
);

describe("response examples", () => {
  test.each(cases.map((c) => [c.title, c] as const))("%s is valid against its schema", (_, c) => {
    // Response schemas are reusable components, so the example is checked against that component.
    expect(c.schema.$ref).toMatch(/^#\/components\/schemas\//);
    const validate = validatorFor(c.schema.$ref.slice(1));
    expect(validate(c.value) ? [] : validate.errors).toEqual([]);
    expect(strayMembers(c.schema, c.value)).toEqual([]);
  });
});

describe("request and parameter examples", () => {
  test("the create body examples are valid against CreateServiceBindingRequest", () => {
    const create = operations(spec).find((o) => o.operationId === "createServiceBinding");
    const media = create?.node.requestBody.content["application/json"];
    const validate = validatorFor("/components/schemas/CreateServiceBindingRequest");
    const values = Object.values<Node>(media.examples).map((e) => deref(spec, e).value);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(validate(value) ? [] : validate.errors).toEqual([]);
  });

  test("every parameter example is valid against its schema", () => {
    for (const [name, parameter] of Object.entries<Node>(spec.components.parameters)) {
      const validate = validatorFor(`/components/parameters/${name}/schema`);
      expect(validate(parameter.example), name).toBe(true);
    }
  });
});

describe("the validator itself", () => {
  test("rejects an example with an unknown provisioning state, a short error code or a stray member", () => {
    const validate = validatorFor("/components/schemas/ServiceBindingResponse");
    const good = cases.find((c) => c.title === "getServiceBinding 200 active")?.value;
    expect(validate(good)).toBe(true);
    const badState = structuredClone(good);
    badState.result.provisioning.state = "actve";
    expect(validate(badState)).toBe(false);
    const stray = structuredClone(good);
    stray.result.colour = "blue";
    expect(strayMembers({ $ref: "#/components/schemas/ServiceBindingResponse" }, stray)).toEqual([
      "/result/colour",
    ]);
    const failure = validatorFor("/components/schemas/ErrorEnvelope");
    expect(
      failure({ success: false, errors: [{ code: 999, message: "x" }], messages: [], result: null }),
    ).toBe(false);
    expect(failure({ success: false, errors: [], messages: [], result: null })).toBe(false);
  });
});
