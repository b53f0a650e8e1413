// The fake's prefixes, through the package's client: listed and fetched with
// every member of the spec's Prefix, the ones a seed leaves out taken from the
// spec's example, the deprecated advertisement ones following the BGP prefix
// that spans the prefix.
import { describe, expect, test } from "vitest";
import { NotFoundError, PermissionDeniedError } from "../../src/index.ts";
import { createServiceBindingsFake } from "../../src/testing/index.ts";
import { ACCOUNT, clientOf, failure, PREFIX, seedWith, specExample } from "./fake-support.ts";

const approved = () => specExample("getPrefix", "200", "approved").result;
const PENDING = "72823e95d6c64d48a8111fec81179816";

describe("GET /accounts/{account_id}/addressing/prefixes", () => {
  test("by default, the one prefix: the spec's Prefix Details approved example", async () => {
    expect(await clientOf(createServiceBindingsFake()).listPrefixes()).toEqual([approved()]);
  });

  test("every prefix of the account: the members its seed gives, the spec's example's for the rest, account_id the account's", async () => {
    const fake = createServiceBindingsFake({
      seed: seedWith(
        { id: PREFIX, cidr: "192.0.2.0/24" },
        {
          id: PENDING,
          cidr: "203.0.113.0/24",
          approved: "P",
          description: "",
          ownership_validation_state: "missing",
          ownership_validation_token: "1234a5b6-1234-1abc-12a3-1234a5b6789c",
          on_demand: { on_demand_enabled: false },
        },
      ),
    });
    const [first, pending] = await clientOf(fake).listPrefixes();
    expect(first).toEqual({ ...approved(), id: PREFIX, account_id: ACCOUNT });
    expect(pending).toEqual({
      ...approved(),
      id: PENDING,
      account_id: ACCOUNT,
      cidr: "203.0.113.0/24",
      approved: "P",
      description: "",
      ownership_validation_state: "missing",
      ownership_validation_token: "1234a5b6-1234-1abc-12a3-1234a5b6789c",
      on_demand_enabled: false,
      // "only not 'null' if on demand is enabled" (Cloudflare's published schema).
      advertised: null,
    });
  });

  test("an account it does not hold: PermissionDeniedError with the spec's permission_denied", async () => {
    const error = await failure(
      clientOf(createServiceBindingsFake()).listPrefixes({ account_id: "0".repeat(32) }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.errors).toEqual(specExample("listPrefixes", "403", "permission_denied").errors);
  });
});

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}", () => {
  test("by default, the spec's approved example", async () => {
    expect(await clientOf(createServiceBindingsFake()).getPrefix({ prefix_id: PREFIX })).toEqual(approved());
  });

  test("its deprecated advertisement members are those of the BGP prefix spanning it", async () => {
    const fake = createServiceBindingsFake({
      seed: seedWith({
        id: PREFIX,
        cidr: "192.0.2.0/23",
        on_demand: { on_demand_locked: false },
        bgpPrefixes: [
          { cidr: "192.0.2.0/24", on_demand: { on_demand_enabled: false } },
          { cidr: "192.0.2.0/23", on_demand: { on_demand_locked: true, advertised: true } },
        ],
      }),
    });
    expect(await clientOf(fake).getPrefix({ prefix_id: PREFIX })).toMatchObject({
      on_demand_enabled: true,
      on_demand_locked: true,
      advertised: true,
    });
  });

  test("without a BGP prefix spanning it, they are what its seed says", async () => {
    const fake = createServiceBindingsFake({
      seed: seedWith({ id: PREFIX, cidr: "192.0.2.0/24", on_demand: { on_demand_locked: true } }),
    });
    expect(await clientOf(fake).listBgpPrefixes({ prefix_id: PREFIX })).toEqual([]);
    expect(await clientOf(fake).getPrefix({ prefix_id: PREFIX })).toMatchObject({
      on_demand_enabled: true,
      on_demand_locked: true,
      advertised: false,
      advertised_modified_at: null,
    });
  });

  test("an unknown prefix: NotFoundError with the spec's prefix_not_found", async () => {
    const error = await failure(
      clientOf(createServiceBindingsFake()).getPrefix({ prefix_id: "0".repeat(32) }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.errors).toEqual(specExample("getPrefix", "404", "prefix_not_found").errors);
  });
});
