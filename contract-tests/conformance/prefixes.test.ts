// Conformance: what the spec guarantees of reading prefixes and their BGP
// prefixes, on any conforming server. Nothing here assumes state.
import { describe, expect, test } from "vitest";
import { NotFoundError } from "../../src/index.ts";
import { contractClient, target } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

describe("GET /accounts/{account_id}/addressing/prefixes", () => {
  test("resolves to an array of prefixes, each valid against the Prefix schema, and each can be fetched", async () => {
    const client = contractClient();
    const prefixes = await client.listPrefixes();
    expect(Array.isArray(prefixes)).toBe(true);
    for (const listed of prefixes) {
      expectSchema(listed, "Prefix");
      expectSchema(await client.getPrefix({ prefix_id: listed.id }), "Prefix");
    }
  });
});

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}", () => {
  test("the target prefix is valid against the Prefix schema", async () => {
    expectSchema(await contractClient().getPrefix({ prefix_id: target.prefixId }), "Prefix");
  });
});

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes", () => {
  test("resolves to BGP prefixes valid against the BgpPrefix schema, each of which can be fetched", async () => {
    const client = contractClient();
    const listed = await client.listBgpPrefixes({ prefix_id: target.prefixId });
    expect(Array.isArray(listed)).toBe(true);
    for (const bgp of listed) {
      expectSchema(bgp, "BgpPrefix");
      expectSchema(
        await client.getBgpPrefix({ prefix_id: target.prefixId, bgp_prefix_id: bgp.id }),
        "BgpPrefix",
      );
    }
  });

  test("a BGP prefix id that was never issued gives a valid BGP prefix or NotFoundError, nothing else", async () => {
    const outcome = await contractClient()
      .getBgpPrefix({ prefix_id: target.prefixId, bgp_prefix_id: "00000000000000000000000000000000" })
      .then(
        (bgp) => ({ bgp, error: undefined }),
        (error: unknown) => ({ bgp: undefined, error }),
      );
    if (outcome.error === undefined) expectSchema(outcome.bgp, "BgpPrefix");
    else expect(outcome.error).toBeInstanceOf(NotFoundError);
  });
});
