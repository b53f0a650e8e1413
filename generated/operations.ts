/**
 * GENERATED FILE: DO NOT EDIT.
 * Produced from spec/openapi.yaml by scripts/generate.ts, the operation table the client runs on.
 * Change the spec, then run `npm run generate`.
 * spec sha256: 795bf6a01322fe9a9990a989122ba194205a8bab7f7566f13caac4be3dfcf0a6
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
    "result": "array"
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
   *
   * The documentation does not say which status and code the API refuses
   * these with. The stateful fake (`cloudflare-service-bindings/testing`)
   * answers a malformed CIDR, one outside the prefix, or a first binding
   * that is not the prefix's CIDR with 400 and the `invalid_cidr`
   * example, and an unlisted service with 400 and `invalid_service_id`:
   * these are the fake's choices.
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
    "result": "object"
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
    "result": "object"
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
    "result": "none"
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
    "result": "array"
  },
} as const;
