// The fake's behaviour, one handler per operationId: a request already matched,
// authenticated and checked against the spec (routes.ts) becomes an answer,
// read from and written to the store. A new operation is a new entry here.
import type { OperationId, PathParams, RequestBody } from "../types.ts";
import { type Answer, success } from "./answers.ts";
import { contains, parseCidr, sameNetwork } from "./cidr.ts";
import type { Store, StoredAccount, StoredPrefix } from "./store.ts";

/** What a handler is given: everything in the path already known to the store, and the body already checked. */
export interface HandlerRequest<Op extends OperationId> {
  /** The account of the path. */
  account: StoredAccount;
  /** The prefix of the path, one of the account's, when the path names one. */
  prefix: "prefix_id" extends keyof PathParams<Op> ? StoredPrefix : undefined;
  /** The path parameters, decoded and within their schema. */
  params: PathParams<Op>;
  /** The body, within the operation's schema; undefined when it takes none. */
  body: [RequestBody<Op>] extends [never] ? undefined : RequestBody<Op>;
}

/** One operation's behaviour: the answer to a request, using the store. */
export type Handler<Op extends OperationId> = (request: HandlerRequest<Op>, store: Store) => Answer;

/** The operations' behaviour, by operationId. One the spec has and this lacks is answered with a 5XX. */
export const HANDLERS: { readonly [Op in OperationId]?: Handler<Op> } = {
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
    // The first binding of a prefix must be the prefix's own CIDR.
    if (prefix.bindings.size === 0 && !sameNetwork(network, prefix.network)) return "invalidCidr";
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
