import type { components, operations } from "cloudflare-service-bindings";

type ServiceBinding = components["schemas"]["ServiceBinding"];
type State = ServiceBinding["provisioning"]["state"]; // "provisioning" | "active" | "magic_transit_route_missing" | (string & {})
type CreateBody = operations["createServiceBinding"]["requestBody"]["content"]["application/json"];

export type { CreateBody, State };
