// Onboarding in one go: find the prefix by its CIDR, bind a /29 of it to the CDN (no duplicate, even if an answer
// is lost), wait until it is active, advertise the prefix (guarded by Cloudflare's rules), wait until it shows.
import type { ServiceBindingsClient } from "cloudflare-service-bindings";

export async function onboard(client: ServiceBindingsClient, prefixCidr: string, subnet: string) {
  const prefix = (await client.listPrefixes()).find((candidate) => candidate.cidr === prefixCidr);
  if (!prefix) throw new Error(`this account has no prefix ${prefixCidr}`);
  const cdn = (await client.listServices()).find((service) => service.name === "CDN");
  if (!cdn) throw new Error("this account cannot bind prefixes to the CDN");

  const { binding } = await client.ensureServiceBinding(
    { prefix_id: prefix.id, cidr: subnet, service_id: cdn.id },
    {
      wait: { onPoll: (seen, poll) => console.log(`poll ${poll}: ${seen.cidr} ${seen.provisioning.state}`) },
    },
  );
  const { bgpPrefix } = await client.advertisePrefix({ prefix_id: prefix.id }, { wait: true });
  return { binding, advertised: bgpPrefix.on_demand.advertised };
}
