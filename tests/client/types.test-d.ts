// The client's types come from the spec: wrong names, missing fields, unknown
// operations and misspelt states do not compile.
import { describe, expectTypeOf, test } from "vitest";
import type { operations, paths } from "../../generated/openapi.ts";
import {
  type CreateServiceBindingBody,
  createServiceBindingsClient,
  type ProvisioningState,
  type Service,
  type ServiceBinding,
} from "../../src/index.ts";
import type { ROUTES } from "../../src/operations.ts";

const client = createServiceBindingsClient({ apiToken: "t", accountId: "a" });

describe("results", () => {
  test("each method resolves to the spec's result type", () => {
    expectTypeOf(client.listServiceBindings({ prefix_id: "p" })).resolves.toEqualTypeOf<ServiceBinding[]>();
    expectTypeOf(
      client.getServiceBinding({ prefix_id: "p", binding_id: "b" }),
    ).resolves.toEqualTypeOf<ServiceBinding>();
    expectTypeOf(
      client.createServiceBinding({ prefix_id: "p", body: { cidr: "192.0.2.0/24", service_id: "s" } }),
    ).resolves.toEqualTypeOf<ServiceBinding>();
    expectTypeOf(
      client.deleteServiceBinding({ prefix_id: "p", binding_id: "b" }),
    ).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.listServices()).resolves.toEqualTypeOf<Service[]>();
  });

  test("the friendly aliases are the generated schemas", () => {
    expectTypeOf<ProvisioningState>().toEqualTypeOf<
      "provisioning" | "active" | "magic_transit_route_missing"
    >();
    expectTypeOf<CreateServiceBindingBody>().toEqualTypeOf<{ cidr: string; service_id: string }>();
    expectTypeOf<Service>().toEqualTypeOf<{ id: string; name: string }>();
  });
});

describe("compile errors", () => {
  test("a wrong parameter name", () => {
    // @ts-expect-error bindingId is not a parameter of the spec; binding_id is
    void client.getServiceBinding({ prefix_id: "p", bindingId: "b" });
    // @ts-expect-error prefix_id is required
    void client.listServiceBindings({});
  });

  test("a missing required body field", () => {
    // @ts-expect-error service_id is required
    void client.createServiceBinding({ prefix_id: "p", body: { cidr: "192.0.2.0/24" } });
    // @ts-expect-error the body is required
    void client.createServiceBinding({ prefix_id: "p" });
  });

  test("an unknown operation", () => {
    // @ts-expect-error the spec has no updateServiceBinding
    void client.updateServiceBinding;
    // @ts-expect-error the spec has no such path
    void client.raw.GET("/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindingz", {});
    // @ts-expect-error the spec has no PATCH on bindings
    void client.raw.PATCH("/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}", {});
  });

  test("a misspelt provisioning state", () => {
    // @ts-expect-error "actve" is not a state
    const state: ProvisioningState = "actve";
    void state;
    const binding = {} as ServiceBinding;
    // @ts-expect-error "provisioned" is not a state, so the comparison can never be true
    void (binding.provisioning.state === "provisioned");
  });

  test("POST retries are opted into only on create", () => {
    void client.createServiceBinding(
      { prefix_id: "p", body: { cidr: "c", service_id: "s" } },
      { idempotent: true },
    );
    // @ts-expect-error idempotent is an option of create only: GET and DELETE are always retried
    void client.listServices({}, { idempotent: true });
  });
});

describe("the route table", () => {
  test("has an entry for every operation of the spec", () => {
    expectTypeOf<keyof typeof ROUTES>().toEqualTypeOf<keyof operations>();
  });

  test("sends each operation to the path and method the spec gives it", () => {
    expectTypeOf<paths[(typeof ROUTES)["listServiceBindings"]["path"]]["get"]>().toEqualTypeOf<
      operations["listServiceBindings"]
    >();
    expectTypeOf<paths[(typeof ROUTES)["createServiceBinding"]["path"]]["post"]>().toEqualTypeOf<
      operations["createServiceBinding"]
    >();
    expectTypeOf<paths[(typeof ROUTES)["getServiceBinding"]["path"]]["get"]>().toEqualTypeOf<
      operations["getServiceBinding"]
    >();
    expectTypeOf<paths[(typeof ROUTES)["deleteServiceBinding"]["path"]]["delete"]>().toEqualTypeOf<
      operations["deleteServiceBinding"]
    >();
    expectTypeOf<paths[(typeof ROUTES)["listServices"]["path"]]["get"]>().toEqualTypeOf<
      operations["listServices"]
    >();
  });
});
