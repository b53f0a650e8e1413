// The generated types say what the spec says: these fail to compile when they drift.
import { describe, expectTypeOf, test } from "vitest";
import type { components, operations, paths } from "../../generated/openapi.ts";

type Schemas = components["schemas"];
type Binding = Schemas["ServiceBinding"];

describe("generated/openapi.ts", () => {
  test("a binding's provisioning.state is the three states, open to others (x-extensible-enum)", () => {
    expectTypeOf<Binding["provisioning"]["state"]>().toEqualTypeOf<
      "provisioning" | "active" | "magic_transit_route_missing" | (string & {})
    >();
  });

  test("a binding has every field, all required but service_name", () => {
    expectTypeOf<Binding>().toEqualTypeOf<{
      id: string;
      cidr: string;
      provisioning: { state: "provisioning" | "active" | "magic_transit_route_missing" | (string & {}) };
      service_id: string;
      service_name?: string;
    }>();
  });

  test("the create body requires cidr and service_id", () => {
    type Body = operations["createServiceBinding"]["requestBody"]["content"]["application/json"];
    expectTypeOf<Body>().toEqualTypeOf<{ cidr: string; service_id: string }>();
    // @ts-expect-error service_id is required
    const missing: Body = { cidr: "192.0.2.0/24" };
    void missing;
  });

  test("create answers 201 with the binding as result, list answers an array", () => {
    type Created = operations["createServiceBinding"]["responses"][201]["content"]["application/json"];
    expectTypeOf<Created["result"]>().toEqualTypeOf<Binding>();
    type Listed = operations["listServiceBindings"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Listed["result"]>().toEqualTypeOf<Binding[]>();
  });

  test("delete answers an envelope whose result is absent or null", () => {
    type Deleted = operations["deleteServiceBinding"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Deleted["result"]>().toEqualTypeOf<null | undefined>();
    expectTypeOf<Deleted["success"]>().toEqualTypeOf<true>();
    const absent: Deleted = { success: true, errors: [], messages: [] };
    // @ts-expect-error a result other than null is not a delete's answer
    const carrying: Deleted = { success: true, errors: [], messages: [], result: {} };
    void [absent, carrying];
  });

  test("a failure's result is null and its errors carry code and message", () => {
    type Failure = operations["getServiceBinding"]["responses"][404]["content"]["application/json"];
    expectTypeOf<Failure["result"]>().toEqualTypeOf<null>();
    expectTypeOf<Failure["success"]>().toEqualTypeOf<false>();
    expectTypeOf<Failure["errors"][number]["code"]>().toEqualTypeOf<number>();
  });

  test("path parameters are named as in the spec and the list takes no query", () => {
    type Path = paths["/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}"];
    expectTypeOf<Path["get"]["parameters"]["path"]>().toEqualTypeOf<{
      account_id: string;
      prefix_id: string;
      binding_id: string;
    }>();
    expectTypeOf<operations["listServiceBindings"]["parameters"]["query"]>().toEqualTypeOf<undefined>();
  });
});
