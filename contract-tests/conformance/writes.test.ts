// Conformance with writes (mock mode, or CONTRACT_ALLOW_WRITES=1 against an
// external server): create a binding, fetch it, delete it, and always clean up;
// and update a BGP prefix to the asn_prepend_count it has, which changes nothing.
import { describe, expect, test } from "vitest";
import type { ServiceBinding } from "../../src/index.ts";
import { contractClient, target } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

/** The CIDR to bind: CONTRACT_BINDING_CIDR, else a documentation address (which only a mock accepts). */
const cidr = process.env.CONTRACT_BINDING_CIDR ?? "192.0.2.1/32";
/** The service to bind to, by name. */
const serviceName = process.env.CONTRACT_SERVICE_NAME ?? "CDN";

describe("create, get and delete a binding", () => {
  test("each answer is valid against the spec, and the binding is deleted again", async () => {
    const client = contractClient();
    const services = await client.listServices();
    const service = services.find((s) => s.name === serviceName) ?? services[0];
    expect(service, "the account lists no service to bind to").toBeDefined();
    let created: ServiceBinding | undefined;
    try {
      created = await client.createServiceBinding({
        prefix_id: target.prefixId,
        body: { cidr, service_id: service?.id ?? "" },
      });
      expectSchema(created, "ServiceBinding");
      expectSchema(
        await client.getServiceBinding({ prefix_id: target.prefixId, binding_id: created.id }),
        "ServiceBinding",
      );
    } finally {
      if (created) {
        await expect(
          client.deleteServiceBinding({ prefix_id: target.prefixId, binding_id: created.id }),
        ).resolves.toBeUndefined();
      }
    }
  });
});

describe("update a BGP prefix", () => {
  test("setting asn_prepend_count to the value it has answers a BgpPrefix valid against the spec", async () => {
    const client = contractClient();
    for (const bgp of await client.listBgpPrefixes({ prefix_id: target.prefixId })) {
      const updated = await client.updateBgpPrefix({
        prefix_id: target.prefixId,
        bgp_prefix_id: bgp.id,
        body: { asn_prepend_count: bgp.asn_prepend_count ?? 0 },
      });
      expectSchema(updated, "BgpPrefix");
      expect(updated.id).toBe(bgp.id);
    }
  });
});
