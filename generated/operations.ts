/**
 * GENERATED FILE: DO NOT EDIT.
 * Produced from spec/openapi.yaml by scripts/generate.ts, the operation table the client runs on.
 * Change the spec, then run `npm run generate`.
 * spec sha256: 709107c5a6d6a19004fad04a994da1232003b4c4643ad7c00fd988be43a13ebf
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
   * with `success: true` and no `result` member.
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
