// The client's types come from the spec: wrong names, missing fields, unknown
// operations and misspelt states do not compile.
import { describe, expectTypeOf, test } from "vitest";
import type { operations, paths } from "../../generated/openapi.ts";
import type { OPERATIONS } from "../../generated/operations.ts";
import {
  type CallOptions,
  type CreateCallOptions,
  type CreateServiceBindingBody,
  createServiceBindingsClient,
  type OperationId,
  type OperationMethod,
  type OperationParams,
  type OperationResult,
  type PathParams,
  type ProvisioningState,
  type RequestBody,
  type Result,
  type Service,
  type ServiceBinding,
  type ServiceBindingsClient,
  type ServiceBindingsMethods,
} from "../../src/index.ts";

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
      "provisioning" | "active" | "magic_transit_route_missing" | (string & {})
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

  test("the provisioning state is open: known states, and any other Cloudflare adds later", () => {
    expectTypeOf<"active">().toMatchTypeOf<ProvisioningState>();
    expectTypeOf<"draining">().toMatchTypeOf<ServiceBinding["provisioning"]["state"]>();
    const binding = {} as ServiceBinding;
    // A switch over the known states cannot be exhaustive: a new state must have a default that is not `never`.
    function label(state: ProvisioningState): string {
      switch (state) {
        case "provisioning":
          return "rolling out";
        case "active":
          return "live";
        case "magic_transit_route_missing":
          return "needs a Magic Transit route";
        default: {
          // @ts-expect-error an unknown state reaches the default: it is not `never`
          const impossible: never = state;
          return impossible;
        }
      }
    }
    void label(binding.provisioning.state);
  });

  test("retries are opted into only where the spec does not mark the operation x-idempotent (create)", () => {
    void client.createServiceBinding(
      { prefix_id: "p", body: { cidr: "c", service_id: "s" } },
      { idempotent: true },
    );
    // @ts-expect-error idempotent is not an option of a read: reads are always retried
    void client.listServices({}, { idempotent: true });
    // @ts-expect-error nor of Update BGP Prefix, which the spec marks safe to repeat
    void client.updateBgpPrefix({ prefix_id: "p", bgp_prefix_id: "b", body: {} }, { idempotent: true });
  });
});

describe("the generated operation table", () => {
  test("has an entry for every operation of the spec", () => {
    expectTypeOf<keyof typeof OPERATIONS>().toEqualTypeOf<keyof operations>();
  });

  test("sends every operation to the path and method the spec gives it", () => {
    type Table = typeof OPERATIONS;
    type Routed = {
      [Op in keyof Table]: paths[Table[Op]["path"]][Lowercase<Table[Op]["method"]>];
    };
    expectTypeOf<Routed>().toEqualTypeOf<{ [Op in keyof Table]: operations[Op] }>();
  });

  test("gives each operation the result shape its generated type has", () => {
    type Shape<R> = [R] extends [undefined] ? "none" : R extends readonly unknown[] ? "array" : "object";
    type Table = typeof OPERATIONS;
    expectTypeOf<{ [Op in OperationId]: Table[Op]["result"] }>().toEqualTypeOf<{
      [Op in OperationId]: Shape<Result<Op>>;
    }>();
  });
});

describe("the types a public signature names are exported", () => {
  test("parameters, bodies, results and options of any operation", () => {
    expectTypeOf<PathParams<"getServiceBinding">>().toEqualTypeOf<{
      account_id: string;
      prefix_id: string;
      binding_id: string;
    }>();
    expectTypeOf<RequestBody<"createServiceBinding">>().toEqualTypeOf<CreateServiceBindingBody>();
    expectTypeOf<RequestBody<"listServices">>().toBeNever();
    expectTypeOf<Result<"listServices">>().toEqualTypeOf<Service[]>();
    expectTypeOf<OperationResult<"deleteServiceBinding">>().toEqualTypeOf<void>();
    expectTypeOf<OperationParams<"createServiceBinding">>().toMatchObjectType<{
      prefix_id: string;
      body: CreateServiceBindingBody;
    }>();
    expectTypeOf<Parameters<OperationMethod<"createServiceBinding">>[1]>().toEqualTypeOf<
      CreateCallOptions | undefined
    >();
    expectTypeOf<Parameters<OperationMethod<"getServiceBinding">>[1]>().toEqualTypeOf<
      CallOptions | undefined
    >();
    expectTypeOf<ServiceBindingsClient["getServiceBinding"]>().toEqualTypeOf<
      OperationMethod<"getServiceBinding">
    >();
  });

  test("a test double implements the methods alone, without raw", () => {
    // The methods are every operation of the spec, and nothing else: no raw.
    expectTypeOf<keyof ServiceBindingsMethods>().toEqualTypeOf<keyof operations>();
    expectTypeOf<ServiceBindingsClient>().toMatchTypeOf<ServiceBindingsMethods>();
    // A double of the methods a test uses, typed by the client's own signatures.
    const double: Pick<ServiceBindingsMethods, "listServices" | "createServiceBinding"> = {
      listServices: async () => [],
      createServiceBinding: async ({ body }) => ({
        id: "b",
        cidr: body.cidr,
        provisioning: { state: "provisioning" },
        service_id: body.service_id,
        service_name: "CDN",
      }),
    };
    expectTypeOf(double.listServices).toEqualTypeOf<ServiceBindingsClient["listServices"]>();
    // @ts-expect-error a double's method must resolve to what the spec says: services, not a string
    const wrong: Pick<ServiceBindingsMethods, "listServices"> = { listServices: async () => "services" };
    void wrong;
  });
});
