import { client } from "./create-client.ts";

const services = await client.listServices();
const cdn = services.find((service) => service.name === "CDN");
if (!cdn) throw new Error("this account cannot bind prefixes to the CDN");

const binding = await client.createServiceBinding({
  prefix_id: "2af39739cc4e3b5910c918468bb89828",
  body: { cidr: "192.0.2.1/32", service_id: cdn.id },
});
console.log(`created ${binding.id}, ${binding.provisioning.state}`);
