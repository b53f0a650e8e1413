// Services and service bindings: list, create (with the rules Cloudflare's
// documentation gives, cited in the spec's Create Service Binding), get and
// delete.

import { contains, parseCidr, sameNetwork } from "../cidr.ts";
import { success } from "./answers.ts";
import type { Handlers } from "./handler.ts";

/** The handlers of the services and service bindings operations. */
export const BINDING_HANDLERS: Handlers = {
  listServices: (_, store) => success(200, store.services),

  listServiceBindings: ({ prefix }, store) =>
    success(
      200,
      [...prefix.bindings.values()].map((binding) => store.read(binding)),
    ),

  createServiceBinding: ({ prefix, body }, store) => {
    const name = store.serviceName(body.service_id);
    if (name === undefined) return "unknownService";
    const network = parseCidr(body.cidr);
    if (!network || !contains(prefix.network, network)) return "invalidCidr";
    // "When all validations pass ... approved ... V ... you can proceed to create IP address service bindings".
    if (prefix.members.approved !== "V") return "prefixNotApproved";
    const prefixWide = sameNetwork(network, prefix.network);
    // The first binding of a prefix must be the prefix's own CIDR.
    if (prefix.bindings.size === 0 && !prefixWide) return "invalidCidr";
    // "Magic Transit can only be used as default binding, spanning across your entire prefix".
    if (name === "Magic Transit" && !prefixWide) return "magicTransitNotPrefixWide";
    // One service per address: "It is not possible (or necessary) to bind both services".
    if ([...prefix.bindings.values()].some((bound) => sameNetwork(bound.network, network))) {
      return "cidrAlreadyBound";
    }
    const binding = store.createBinding(prefix, {
      cidr: body.cidr,
      network,
      service_id: body.service_id,
      service_name: name,
    });
    return success(201, store.show(binding));
  },

  getServiceBinding: ({ prefix, params }, store) => {
    const binding = prefix.bindings.get(params.binding_id);
    return binding ? success(200, store.read(binding)) : "unknownBinding";
  },

  deleteServiceBinding: ({ prefix, params }, store) => {
    const binding = prefix.bindings.get(params.binding_id);
    if (!binding) return "unknownBinding";
    // Magic Transit stays the base service, spanning the whole prefix.
    if (binding.service_name === "Magic Transit" && sameNetwork(binding.network, prefix.network)) {
      return "baseBinding";
    }
    store.deleteBinding(prefix, binding.id);
    return success(200);
  },
};
