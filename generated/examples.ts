/**
 * GENERATED FILE: DO NOT EDIT.
 * Produced from spec/openapi.yaml by scripts/generate.ts, the examples the stateful fake answers with.
 * Change the spec, then run `npm run generate`.
 * spec sha256: fb7cf56a2e25049987310e3af3ea8b6906e317f72c79fd01d1a9a64bf1321292
 */

/** Each path parameter's example value in the spec, by name. */
export const PARAMETER_EXAMPLES: Readonly<Record<string, string>> = {
  "account_id": "258def64c72dae45f3e4c8516e2111f2",
  "prefix_id": "2af39739cc4e3b5910c918468bb89828",
  "binding_id": "0429b49b6a5155297b78e75a44b09e14",
  "bgp_prefix_id": "7009ba364c7a5760798ceb430e603b74"
};

/** Every named response example of the spec: by operationId, then status (a number, or a range such as 4XX), then name. */
export const RESPONSE_EXAMPLES: Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>
> = {
  "listServiceBindings": {
    "200": {
      "magic_transit_and_cdn": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": [
          {
            "id": "0429b49b6a5155297b78e75a44b09e14",
            "cidr": "192.0.2.0/24",
            "provisioning": {
              "state": "active"
            },
            "service_id": "2db684ee7ca04e159946fd05b99e1bcd",
            "service_name": "Magic Transit"
          },
          {
            "id": "7c1ab9e3b6e04a7f8d2c5b4a3f1e0d9c",
            "cidr": "192.0.2.1/32",
            "provisioning": {
              "state": "provisioning"
            },
            "service_id": "969ebf53b1e84a5ab8c8b5e8d1de3d24",
            "service_name": "CDN"
          }
        ]
      },
      "no_bindings": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": []
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "createServiceBinding": {
    "201": {
      "created": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "7c1ab9e3b6e04a7f8d2c5b4a3f1e0d9c",
          "cidr": "192.0.2.1/32",
          "provisioning": {
            "state": "provisioning"
          },
          "service_id": "969ebf53b1e84a5ab8c8b5e8d1de3d24",
          "service_name": "CDN"
        }
      }
    },
    "400": {
      "invalid_cidr": {
        "success": false,
        "errors": [
          {
            "code": 1001,
            "message": "Invalid CIDR",
            "source": {
              "pointer": "/cidr"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "invalid_service_id": {
        "success": false,
        "errors": [
          {
            "code": 1003,
            "message": "Invalid service id",
            "source": {
              "pointer": "/service_id"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "magic_transit_not_prefix_wide": {
        "success": false,
        "errors": [
          {
            "code": 1012,
            "message": "Magic Transit can only be bound to the whole prefix",
            "source": {
              "pointer": "/cidr"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "409": {
      "cidr_already_bound": {
        "success": false,
        "errors": [
          {
            "code": 1013,
            "message": "This CIDR already has a service binding",
            "source": {
              "pointer": "/cidr"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "prefix_not_approved": {
        "success": false,
        "errors": [
          {
            "code": 1011,
            "message": "prefix_not_valid_and_approved: the prefix has not passed IRR validation, RPKI validation, and ownership verification"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "getServiceBinding": {
    "200": {
      "active": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "0429b49b6a5155297b78e75a44b09e14",
          "cidr": "192.0.2.0/24",
          "provisioning": {
            "state": "active"
          },
          "service_id": "2db684ee7ca04e159946fd05b99e1bcd",
          "service_name": "Magic Transit"
        }
      },
      "route_missing": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "5d2e8f7a9b1c4d3e8f6a7b5c4d3e2f1a",
          "cidr": "198.51.100.0/24",
          "provisioning": {
            "state": "magic_transit_route_missing"
          },
          "service_id": "2db684ee7ca04e159946fd05b99e1bcd",
          "service_name": "Magic Transit"
        }
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "binding_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1002,
            "message": "Binding not found"
          }
        ],
        "messages": [],
        "result": null
      },
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "deleteServiceBinding": {
    "200": {
      "deleted": {
        "success": true,
        "errors": [],
        "messages": []
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "binding_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1002,
            "message": "Binding not found"
          }
        ],
        "messages": [],
        "result": null
      },
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "409": {
      "base_binding": {
        "success": false,
        "errors": [
          {
            "code": 1005,
            "message": "Magic Transit must remain the base service spanning the whole prefix"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "listServices": {
    "200": {
      "all_services": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": [
          {
            "id": "2db684ee7ca04e159946fd05b99e1bcd",
            "name": "Magic Transit"
          },
          {
            "id": "969ebf53b1e84a5ab8c8b5e8d1de3d24",
            "name": "CDN"
          },
          {
            "id": "4c6b7e1f2a3d4b5c9e8f7a6b5c4d3e2f",
            "name": "Spectrum"
          }
        ]
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "listPrefixes": {
    "200": {
      "approved_and_pending": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": [
          {
            "id": "2af39739cc4e3b5910c918468bb89828",
            "account_id": "258def64c72dae45f3e4c8516e2111f2",
            "cidr": "192.0.2.0/24",
            "approved": "V",
            "asn": 13335,
            "description": "Internal test prefix",
            "loa_document_id": "d933b1530bc56c9953cf8ce166da8004",
            "delegate_loa_creation": false,
            "created_at": "2014-01-01T05:20:00.12345Z",
            "modified_at": "2014-01-01T05:20:00.12345Z",
            "on_demand_enabled": true,
            "on_demand_locked": false,
            "advertised": false,
            "advertised_modified_at": null,
            "irr_validation_state": "valid",
            "rpki_validation_state": "valid",
            "ownership_validation_state": "valid"
          },
          {
            "id": "72823e95d6c64d48a8111fec81179816",
            "account_id": "258def64c72dae45f3e4c8516e2111f2",
            "cidr": "203.0.113.0/24",
            "approved": "P",
            "asn": 13335,
            "description": "",
            "loa_document_id": "b9ff4afe312246a8b2e7324d98f40b23",
            "delegate_loa_creation": true,
            "created_at": "2025-02-25T00:34:11.423722Z",
            "modified_at": "2025-02-25T00:34:11.423722Z",
            "on_demand_enabled": false,
            "on_demand_locked": false,
            "advertised": null,
            "advertised_modified_at": null,
            "irr_validation_state": "pending",
            "rpki_validation_state": "pending",
            "ownership_validation_state": "pending"
          }
        ]
      },
      "no_prefixes": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": []
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "getPrefix": {
    "200": {
      "approved": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "2af39739cc4e3b5910c918468bb89828",
          "account_id": "258def64c72dae45f3e4c8516e2111f2",
          "cidr": "192.0.2.0/24",
          "approved": "V",
          "asn": 13335,
          "description": "Internal test prefix",
          "loa_document_id": "d933b1530bc56c9953cf8ce166da8004",
          "delegate_loa_creation": false,
          "created_at": "2014-01-01T05:20:00.12345Z",
          "modified_at": "2014-01-01T05:20:00.12345Z",
          "on_demand_enabled": true,
          "on_demand_locked": false,
          "advertised": false,
          "advertised_modified_at": null,
          "irr_validation_state": "valid",
          "rpki_validation_state": "valid",
          "ownership_validation_state": "valid"
        }
      },
      "pending_validation": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "72823e95d6c64d48a8111fec81179816",
          "account_id": "258def64c72dae45f3e4c8516e2111f2",
          "cidr": "203.0.113.0/24",
          "approved": "P",
          "asn": 13335,
          "description": "",
          "loa_document_id": "b9ff4afe312246a8b2e7324d98f40b23",
          "delegate_loa_creation": true,
          "created_at": "2025-02-25T00:34:11.423722Z",
          "modified_at": "2025-02-25T00:34:11.423722Z",
          "on_demand_enabled": false,
          "on_demand_locked": false,
          "advertised": null,
          "advertised_modified_at": null,
          "irr_validation_state": "valid",
          "rpki_validation_state": "valid",
          "ownership_validation_state": "missing"
        }
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "listBgpPrefixes": {
    "200": {
      "withdrawn": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": [
          {
            "id": "7009ba364c7a5760798ceb430e603b74",
            "cidr": "192.0.2.0/24",
            "asn": 13335,
            "asn_prepend_count": 0,
            "auto_advertise_withdraw": false,
            "bgp_signal_opts": {
              "enabled": false,
              "modified_at": null
            },
            "created_at": "2014-01-01T05:20:00.12345Z",
            "modified_at": "2014-01-01T05:20:00.12345Z",
            "on_demand": {
              "advertised": false,
              "advertised_modified_at": null,
              "on_demand_enabled": true,
              "on_demand_locked": false
            }
          }
        ]
      },
      "none_yet": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": []
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "getBgpPrefix": {
    "200": {
      "withdrawn": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "7009ba364c7a5760798ceb430e603b74",
          "cidr": "192.0.2.0/24",
          "asn": 13335,
          "asn_prepend_count": 0,
          "auto_advertise_withdraw": false,
          "bgp_signal_opts": {
            "enabled": false,
            "modified_at": null
          },
          "created_at": "2014-01-01T05:20:00.12345Z",
          "modified_at": "2014-01-01T05:20:00.12345Z",
          "on_demand": {
            "advertised": false,
            "advertised_modified_at": null,
            "on_demand_enabled": true,
            "on_demand_locked": false
          }
        }
      },
      "advertised": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "7009ba364c7a5760798ceb430e603b74",
          "cidr": "192.0.2.0/24",
          "asn": 13335,
          "asn_prepend_count": 0,
          "auto_advertise_withdraw": false,
          "bgp_signal_opts": {
            "enabled": false,
            "modified_at": null
          },
          "created_at": "2014-01-01T05:20:00.12345Z",
          "modified_at": "2014-01-01T05:27:00.12345Z",
          "on_demand": {
            "advertised": true,
            "advertised_modified_at": "2014-01-01T05:27:00.12345Z",
            "on_demand_enabled": true,
            "on_demand_locked": false
          }
        }
      },
      "locked": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "7009ba364c7a5760798ceb430e603b74",
          "cidr": "192.0.2.0/24",
          "asn": 13335,
          "asn_prepend_count": 0,
          "auto_advertise_withdraw": false,
          "bgp_signal_opts": {
            "enabled": false,
            "modified_at": null
          },
          "created_at": "2014-01-01T05:20:00.12345Z",
          "modified_at": "2014-01-01T05:20:00.12345Z",
          "on_demand": {
            "advertised": false,
            "advertised_modified_at": null,
            "on_demand_enabled": true,
            "on_demand_locked": true
          }
        }
      }
    },
    "400": {
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "bgp_prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1006,
            "message": "BGP prefix not found"
          }
        ],
        "messages": [],
        "result": null
      },
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  },
  "updateBgpPrefix": {
    "200": {
      "advertising": {
        "success": true,
        "errors": [],
        "messages": [],
        "result": {
          "id": "7009ba364c7a5760798ceb430e603b74",
          "cidr": "192.0.2.0/24",
          "asn": 13335,
          "asn_prepend_count": 0,
          "auto_advertise_withdraw": false,
          "bgp_signal_opts": {
            "enabled": false,
            "modified_at": null
          },
          "created_at": "2014-01-01T05:20:00.12345Z",
          "modified_at": "2014-01-01T05:20:00.12345Z",
          "on_demand": {
            "advertised": false,
            "advertised_modified_at": null,
            "on_demand_enabled": true,
            "on_demand_locked": false
          }
        }
      }
    },
    "400": {
      "invalid_asn_prepend_count": {
        "success": false,
        "errors": [
          {
            "code": 1007,
            "message": "asn_prepend_count must be from 0 to 3",
            "source": {
              "pointer": "/asn_prepend_count"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "invalid_on_demand": {
        "success": false,
        "errors": [
          {
            "code": 1007,
            "message": "on_demand must be an object with a boolean advertised",
            "source": {
              "pointer": "/on_demand"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "invalid_body": {
        "success": false,
        "errors": [
          {
            "code": 1007,
            "message": "The body must be a JSON object",
            "source": {
              "pointer": ""
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "invalid_auto_advertise_withdraw": {
        "success": false,
        "errors": [
          {
            "code": 1007,
            "message": "auto_advertise_withdraw must be true or false",
            "source": {
              "pointer": "/auto_advertise_withdraw"
            }
          }
        ],
        "messages": [],
        "result": null
      },
      "missing_credentials": {
        "success": false,
        "errors": [
          {
            "code": 9106,
            "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "401": {
      "invalid_token": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "403": {
      "permission_denied": {
        "success": false,
        "errors": [
          {
            "code": 10000,
            "message": "Authentication error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "404": {
      "bgp_prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1006,
            "message": "BGP prefix not found"
          }
        ],
        "messages": [],
        "result": null
      },
      "prefix_not_found": {
        "success": false,
        "errors": [
          {
            "code": 1000,
            "message": "Prefix not found"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "409": {
      "advertisement_locked": {
        "success": false,
        "errors": [
          {
            "code": 1008,
            "message": "The advertisement status of this prefix is locked"
          }
        ],
        "messages": [],
        "result": null
      },
      "on_demand_disabled": {
        "success": false,
        "errors": [
          {
            "code": 1009,
            "message": "On-demand advertisement is not enabled for this prefix"
          }
        ],
        "messages": [],
        "result": null
      },
      "prefix_not_approved": {
        "success": false,
        "errors": [
          {
            "code": 1011,
            "message": "prefix_not_valid_and_approved: the prefix has not passed IRR validation, RPKI validation, and ownership verification"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "429": {
      "rate_limited": {
        "success": false,
        "errors": [
          {
            "code": 971,
            "message": "Please wait and consider throttling your request speed"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "500": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "4XX": {
      "invalid_identifier": {
        "success": false,
        "errors": [
          {
            "code": 1004,
            "message": "Invalid identifier"
          }
        ],
        "messages": [],
        "result": null
      }
    },
    "5XX": {
      "server_error": {
        "success": false,
        "errors": [
          {
            "code": 1010,
            "message": "Internal server error"
          }
        ],
        "messages": [],
        "result": null
      }
    }
  }
};
