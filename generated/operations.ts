/**
 * GENERATED FILE: DO NOT EDIT.
 * Produced from spec/openapi.yaml by scripts/generate.ts, the operation table the client runs on.
 * Change the spec, then run `npm run generate`.
 * spec sha256: fb7cf56a2e25049987310e3af3ea8b6906e317f72c79fd01d1a9a64bf1321292
 */

/**
 * Every path parameter of the spec by name, with the limits the client checks before sending.
 */
export const PATH_PARAMETERS = {
  "account_id": {
    "maxLength": 32
  },
  "prefix_id": {
    "maxLength": 32
  },
  "binding_id": {
    "maxLength": 32
  },
  "bgp_prefix_id": {
    "maxLength": 32
  }
} as const;

/**
 * Every operation of the spec, by operationId: how to call it and what it answers. The client's methods, their doc comments and the contract suite's calls all come from this table.
 */
export const OPERATIONS = {
  /**
   * List Service Bindings
   *
   * Lists the Cloudflare services this prefix is bound to. The list is not
   * paginated: it takes no query parameters and carries no `result_info`.
   *
   * Example: binding `192.0.2.0/24` to Magic Transit and `192.0.2.1/32` to
   * the CDN routes traffic for `192.0.2.1` to the CDN and traffic for every
   * other address of the prefix to Magic Transit.
   */
  listServiceBindings: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings",
    "pathParams": [
      "account_id",
      "prefix_id"
    ],
    "result": "array",
    "idempotent": true
  },
  /**
   * Create Service Binding
   *
   * Creates a service binding, routing traffic to the addresses of `cidr`
   * to the service `service_id`.
   *
   * The **first** binding created for a prefix must equal the prefix's
   * CIDR exactly. Later bindings may use a more specific CIDR inside the
   * prefix. Which services may be combined is described in
   * [Service Bindings](https://developers.cloudflare.com/byoip/service-bindings/).
   *
   * Rules, with their sources:
   *
   * - `cidr` must lie inside the prefix: the prefix itself, or a more
   *   specific network within it ("Subsequent Service Bindings may be
   *   created with a more-specific CIDR", Cloudflare's API documentation
   *   of this operation; additional bindings "route specific IP addresses
   *   or CIDR ranges" of the prefix,
   *   https://developers.cloudflare.com/byoip/service-bindings/).
   * - The first binding of a prefix must exactly match the prefix's CIDR
   *   (Cloudflare's API documentation of this operation).
   * - `service_id` must be one that List Services lists ("Available
   *   services and their IDs may be found in the List Services endpoint",
   *   Cloudflare's API documentation of `service_id`).
   * - The prefix must be approved (`approved: V`): "When all validations
   *   pass ... the `approved` field in your prefix will return `"V"`.
   *   This means you can proceed to create IP address service bindings"
   *   (Cloudflare's BYOIP documentation, Get started).
   * - Magic Transit binds only the whole prefix: "Magic Transit can only
   *   be used as default binding, spanning across your entire prefix"
   *   (https://developers.cloudflare.com/byoip/service-bindings/, Magic
   *   Transit).
   * - One service per address: "When adding a service binding for a given
   *   IP address, it must be either a CDN service binding or a Spectrum
   *   service binding. It is not possible (or necessary) to bind both
   *   services" (same page), so a CIDR that already has a binding, of any
   *   service, cannot get another.
   *
   * Creating the binding that spans the prefix also creates the prefix's
   * BGP prefix: "A corresponding BGP prefix will be created
   * automatically" (Cloudflare's BYOIP documentation, Get started).
   *
   * The documentation does not say which status and code the API refuses
   * these with. The stateful fake (`cloudflare-service-bindings/testing`)
   * answers a malformed CIDR, one outside the prefix, or a first binding
   * that is not the prefix's CIDR with 400 and the `invalid_cidr`
   * example, an unlisted service with 400 and `invalid_service_id`, a
   * Magic Transit binding of less than the whole prefix with 400 and
   * `magic_transit_not_prefix_wide`, a prefix that is not approved with
   * 409 and `prefix_not_approved`, and a CIDR that already has a binding
   * with 409 and `cidr_already_bound`: these are the fake's choices. It
   * creates the prefix's BGP prefix with the binding that spans the
   * prefix when the prefix has none with its CIDR (withdrawn, as "BGP
   * prefixes are initially withdrawn", Get started).
   *
   * This operation is not idempotent: sending it twice may create two
   * bindings, so a client must not retry it blindly.
   */
  createServiceBinding: {
    "method": "POST",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings",
    "pathParams": [
      "account_id",
      "prefix_id"
    ],
    "body": {
      "required": [
        "cidr",
        "service_id"
      ],
      "properties": {
        "cidr": {
          "type": "string"
        },
        "service_id": {
          "type": "string",
          "maxLength": 32
        }
      }
    },
    "result": "object",
    "idempotent": false
  },
  /**
   * Get Service Binding
   *
   * Fetches one service binding of the prefix.
   */
  getServiceBinding: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}",
    "pathParams": [
      "account_id",
      "prefix_id",
      "binding_id"
    ],
    "result": "object",
    "idempotent": true
  },
  /**
   * Delete Service Binding
   *
   * Deletes one service binding of the prefix. The answer is an envelope
   * with `success: true` whose `result` is absent (as Cloudflare's API
   * reference shows it) or `null`; the client resolves to `undefined`
   * either way.
   *
   * The Magic Transit binding that spans the whole prefix cannot be
   * deleted: "You must keep Magic Transit as a common base service,
   * spanning all addresses in your prefix" (Cloudflare's BYOIP
   * documentation, Service bindings, Limitations,
   * https://developers.cloudflare.com/byoip/service-bindings/). The
   * documentation does not say how the API refuses it; the stateful fake
   * answers 409 with the `base_binding` example, its own choice.
   */
  deleteServiceBinding: {
    "method": "DELETE",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}",
    "pathParams": [
      "account_id",
      "prefix_id",
      "binding_id"
    ],
    "result": "none",
    "idempotent": true
  },
  /**
   * List Services
   *
   * Lists the Cloudflare services a BYOIP prefix can be bound to, with the
   * ids that a binding's `service_id` refers to.
   */
  listServices: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/services",
    "pathParams": [
      "account_id"
    ],
    "result": "array",
    "idempotent": true
  },
  /**
   * List Prefixes
   *
   * Lists every BYOIP prefix of the account, with its `cidr` and its
   * approval state. Cloudflare's service-binding tutorial starts here:
   * "Use the List Prefixes endpoint and take note of the `id` associated
   * with the prefix (`cidr`) you will configure" (Cloudflare's BYOIP
   * documentation, service bindings, account information).
   *
   * The list is not paginated: it takes no query parameters, Cloudflare's
   * API reference lists no `result_info` for it, and the official SDK
   * (7.3.0) reads it as a single page.
   */
  listPrefixes: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/prefixes",
    "pathParams": [
      "account_id"
    ],
    "result": "array",
    "idempotent": true
  },
  /**
   * Prefix Details
   *
   * Fetches one prefix of the account. Its `approved` state says whether
   * bindings may be created and the prefix advertised: "When all
   * validations pass - RPKI, IRR, and ownership - the `approved` field in
   * your prefix will return `"V"`. This means you can proceed to create IP
   * address service bindings" (Cloudflare's BYOIP documentation, Get
   * started).
   */
  getPrefix: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}",
    "pathParams": [
      "account_id",
      "prefix_id"
    ],
    "result": "object",
    "idempotent": true
  },
  /**
   * List BGP Prefixes
   *
   * Lists the BGP prefixes of a prefix: the networks Cloudflare announces
   * for it over BGP, each with its on-demand advertisement state. "By
   * default, there is always at least one BGP prefix that is identical to
   * the onboarded IP prefix"; more specific ones may be added, "up to a
   * maximum prefix length of `/24`" (Cloudflare's Magic Transit
   * documentation, advertise prefixes). The default one is "created
   * automatically" with the prefix-wide service binding, and "BGP prefixes
   * are initially withdrawn" (Cloudflare's BYOIP documentation, Get
   * started).
   *
   * The list is not paginated: Cloudflare's API reference lists no
   * `result_info` for it, and the official SDK reads it as a single page.
   */
  listBgpPrefixes: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes",
    "pathParams": [
      "account_id",
      "prefix_id"
    ],
    "result": "array",
    "idempotent": true
  },
  /**
   * Fetch BGP Prefix
   *
   * Fetches one BGP prefix of the prefix. After an Update BGP Prefix, this
   * is how to learn that the change took effect: "A successful API
   * response indicates the service registered the request", and
   * "enabling advertising typically takes two to seven minutes and
   * disabling advertising takes approximately 15 minutes" (Cloudflare's
   * BYOIP documentation, dynamic advertisement).
   */
  getBgpPrefix: {
    "method": "GET",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes/{bgp_prefix_id}",
    "pathParams": [
      "account_id",
      "prefix_id",
      "bgp_prefix_id"
    ],
    "result": "object",
    "idempotent": true
  },
  /**
   * Update BGP Prefix
   *
   * Changes a BGP prefix: `on_demand.advertised` advertises it over BGP
   * (`true`) or withdraws it (`false`), `asn_prepend_count` prepends
   * Cloudflare's ASN to the AS path ("values from `0` to `3`. A higher
   * value makes the route less preferred"), and `auto_advertise_withdraw`
   * ties the advertisement to matching routes in the Magic routing table
   * (Cloudflare's Magic Transit documentation, advertise prefixes). Every
   * member is optional; send only what should change.
   *
   * The answer says the request was registered, not that it took effect:
   * advertising takes two to seven minutes and withdrawing about 15
   * (Cloudflare's BYOIP documentation, dynamic advertisement); poll Fetch
   * BGP Prefix until `on_demand.advertised` says so. Cloudflare's
   * documentation says a prefix must be approved (`approved: V`) before it
   * is used, that a locked prefix's advertisement "cannot be changed", and
   * to "allow five hours" after the prefix-wide binding is created before
   * advertising (BYOIP documentation, Get started; the
   * `on_demand_locked` member's description).
   *
   * It does not say how the API refuses a change that breaks those rules.
   * The stateful fake (`cloudflare-service-bindings/testing`) refuses any
   * change to a BGP prefix of a prefix that is not approved with 409 and
   * `prefix_not_approved`, a change of `on_demand.advertised` on a BGP
   * prefix that is locked or whose on-demand advertisement is not enabled
   * with 409 and `advertisement_locked` or `on_demand_disabled`, and a
   * body member outside its schema (an `asn_prepend_count` outside 0 to
   * 3, for one) with 400 and the example that points at the member; a
   * refused request changes nothing. It applies `asn_prepend_count` and
   * `auto_advertise_withdraw` at once and answers with the BGP prefix as
   * it then is: a change of `on_demand.advertised` is only registered,
   * and takes effect after a delay on a clock the test controls (5
   * minutes to advertise and 15 to withdraw by default, within the
   * documented two to seven and about 15). Asking for the state it has,
   * or for the one already pending, changes nothing; asking for the
   * other one replaces the pending change. These are the fake's choices.
   */
  updateBgpPrefix: {
    "method": "PATCH",
    "path": "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes/{bgp_prefix_id}",
    "pathParams": [
      "account_id",
      "prefix_id",
      "bgp_prefix_id"
    ],
    "body": {
      "required": [],
      "properties": {
        "on_demand": {
          "type": "object"
        },
        "asn_prepend_count": {
          "type": "integer",
          "minimum": 0,
          "maximum": 3
        },
        "auto_advertise_withdraw": {
          "type": "boolean"
        }
      }
    },
    "result": "object",
    "idempotent": true
  },
} as const;
