// Onboarding starts from the prefix: find it by its CIDR, check that it is approved, read its BGP prefixes.
import { client } from "./create-client.ts";

const listed = (await client.listPrefixes()).find((prefix) => prefix.cidr === "192.0.2.0/24");
if (!listed) throw new Error("this account has no prefix 192.0.2.0/24");
const prefix = await client.getPrefix({ prefix_id: listed.id });
console.log(`${prefix.cidr}: ${prefix.approved === "V" ? "approved" : "not approved yet"}`);
for (const { id } of await client.listBgpPrefixes({ prefix_id: prefix.id })) {
  const bgp = await client.getBgpPrefix({ prefix_id: prefix.id, bgp_prefix_id: id });
  console.log(
    `${bgp.cidr} advertised: ${bgp.on_demand.advertised}, locked: ${bgp.on_demand.on_demand_locked}`,
  );
  // Make the route less preferred: prepend Cloudflare's ASN twice (safe to retry: it sets a value).
  await client.updateBgpPrefix({ prefix_id: prefix.id, bgp_prefix_id: id, body: { asn_prepend_count: 2 } });
}
