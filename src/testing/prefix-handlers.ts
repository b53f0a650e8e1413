// Prefixes and their BGP prefixes: list and get them, and Update BGP Prefix,
// whose refusals and delays are the fake's choices named in the spec's
// description of the operation.
import { success } from "./answers.ts";
import type { Handlers } from "./handler.ts";

/** The handlers of the prefix and BGP prefix operations. */
export const PREFIX_HANDLERS: Handlers = {
  listPrefixes: ({ account }, store) =>
    success(
      200,
      [...account.prefixes.values()].map((prefix) => store.showPrefix(account, prefix)),
    ),

  getPrefix: ({ account, prefix }, store) => success(200, store.showPrefix(account, prefix)),

  listBgpPrefixes: ({ prefix }, store) =>
    success(200, [...prefix.bgpPrefixes.values()].map(store.showBgpPrefix)),

  getBgpPrefix: ({ prefix, params }, store) => {
    const bgp = prefix.bgpPrefixes.get(params.bgp_prefix_id);
    return bgp ? success(200, store.showBgpPrefix(bgp)) : "unknownBgpPrefix";
  },

  updateBgpPrefix: ({ prefix, params, body }, store) => {
    const { on_demand, asn_prepend_count, auto_advertise_withdraw } = body;
    // The table checks a body's members one level deep (on_demand is an object); its member, here.
    const advertised: unknown = on_demand?.advertised;
    if (advertised !== undefined && typeof advertised !== "boolean") return "invalidOnDemand";
    const bgp = prefix.bgpPrefixes.get(params.bgp_prefix_id);
    if (!bgp) return "unknownBgpPrefix";
    // The fake's choices (the spec's description of the operation): an unapproved prefix changes nothing,
    // and the advertisement of a locked, or not on-demand, BGP prefix "cannot be changed".
    if (prefix.members.approved !== "V") return "prefixNotApproved";
    if (advertised !== undefined && bgp.on_demand.on_demand_locked) return "advertisementLocked";
    if (advertised !== undefined && !bgp.on_demand.on_demand_enabled) return "onDemandDisabled";
    store.updateBgpPrefix(bgp, {
      ...(asn_prepend_count === undefined ? {} : { asn_prepend_count }),
      ...(auto_advertise_withdraw === undefined ? {} : { auto_advertise_withdraw }),
      advertised,
    });
    return success(200, store.showBgpPrefix(bgp));
  },
};
