/**
 * GENERATED FILE: DO NOT EDIT.
 * Produced from spec/openapi.yaml by openapi-typescript (scripts/generate.ts).
 * Change the spec, then run `npm run generate`.
 * spec sha256: fb7cf56a2e25049987310e3af3ea8b6906e317f72c79fd01d1a9a64bf1321292
 */

export interface paths {
    "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        /**
         * List Service Bindings
         * @description Lists the Cloudflare services this prefix is bound to. The list is not
         *     paginated: it takes no query parameters and carries no `result_info`.
         *
         *     Example: binding `192.0.2.0/24` to Magic Transit and `192.0.2.1/32` to
         *     the CDN routes traffic for `192.0.2.1` to the CDN and traffic for every
         *     other address of the prefix to Magic Transit.
         */
        get: operations["listServiceBindings"];
        put?: never;
        /**
         * Create Service Binding
         * @description Creates a service binding, routing traffic to the addresses of `cidr`
         *     to the service `service_id`.
         *
         *     The **first** binding created for a prefix must equal the prefix's
         *     CIDR exactly. Later bindings may use a more specific CIDR inside the
         *     prefix. Which services may be combined is described in
         *     [Service Bindings](https://developers.cloudflare.com/byoip/service-bindings/).
         *
         *     Rules, with their sources:
         *
         *     - `cidr` must lie inside the prefix: the prefix itself, or a more
         *       specific network within it ("Subsequent Service Bindings may be
         *       created with a more-specific CIDR", Cloudflare's API documentation
         *       of this operation; additional bindings "route specific IP addresses
         *       or CIDR ranges" of the prefix,
         *       https://developers.cloudflare.com/byoip/service-bindings/).
         *     - The first binding of a prefix must exactly match the prefix's CIDR
         *       (Cloudflare's API documentation of this operation).
         *     - `service_id` must be one that List Services lists ("Available
         *       services and their IDs may be found in the List Services endpoint",
         *       Cloudflare's API documentation of `service_id`).
         *     - The prefix must be approved (`approved: V`): "When all validations
         *       pass ... the `approved` field in your prefix will return `"V"`.
         *       This means you can proceed to create IP address service bindings"
         *       (Cloudflare's BYOIP documentation, Get started).
         *     - Magic Transit binds only the whole prefix: "Magic Transit can only
         *       be used as default binding, spanning across your entire prefix"
         *       (https://developers.cloudflare.com/byoip/service-bindings/, Magic
         *       Transit).
         *     - One service per address: "When adding a service binding for a given
         *       IP address, it must be either a CDN service binding or a Spectrum
         *       service binding. It is not possible (or necessary) to bind both
         *       services" (same page), so a CIDR that already has a binding, of any
         *       service, cannot get another.
         *
         *     Creating the binding that spans the prefix also creates the prefix's
         *     BGP prefix: "A corresponding BGP prefix will be created
         *     automatically" (Cloudflare's BYOIP documentation, Get started).
         *
         *     The documentation does not say which status and code the API refuses
         *     these with. The stateful fake (`cloudflare-service-bindings/testing`)
         *     answers a malformed CIDR, one outside the prefix, or a first binding
         *     that is not the prefix's CIDR with 400 and the `invalid_cidr`
         *     example, an unlisted service with 400 and `invalid_service_id`, a
         *     Magic Transit binding of less than the whole prefix with 400 and
         *     `magic_transit_not_prefix_wide`, a prefix that is not approved with
         *     409 and `prefix_not_approved`, and a CIDR that already has a binding
         *     with 409 and `cidr_already_bound`: these are the fake's choices. It
         *     creates the prefix's BGP prefix with the binding that spans the
         *     prefix when the prefix has none with its CIDR (withdrawn, as "BGP
         *     prefixes are initially withdrawn", Get started).
         *
         *     This operation is not idempotent: sending it twice may create two
         *     bindings, so a client must not retry it blindly.
         */
        post: operations["createServiceBinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
                /**
                 * @description The identifier of the service binding.
                 * @example 0429b49b6a5155297b78e75a44b09e14
                 */
                binding_id: components["parameters"]["BindingId"];
            };
            cookie?: never;
        };
        /**
         * Get Service Binding
         * @description Fetches one service binding of the prefix.
         */
        get: operations["getServiceBinding"];
        put?: never;
        post?: never;
        /**
         * Delete Service Binding
         * @description Deletes one service binding of the prefix. The answer is an envelope
         *     with `success: true` whose `result` is absent (as Cloudflare's API
         *     reference shows it) or `null`; the client resolves to `undefined`
         *     either way.
         *
         *     The Magic Transit binding that spans the whole prefix cannot be
         *     deleted: "You must keep Magic Transit as a common base service,
         *     spanning all addresses in your prefix" (Cloudflare's BYOIP
         *     documentation, Service bindings, Limitations,
         *     https://developers.cloudflare.com/byoip/service-bindings/). The
         *     documentation does not say how the API refuses it; the stateful fake
         *     answers 409 with the `base_binding` example, its own choice.
         */
        delete: operations["deleteServiceBinding"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/addressing/services": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List Services
         * @description Lists the Cloudflare services a BYOIP prefix can be bound to, with the
         *     ids that a binding's `service_id` refers to.
         */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/addressing/prefixes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List Prefixes
         * @description Lists every BYOIP prefix of the account, with its `cidr` and its
         *     approval state. Cloudflare's service-binding tutorial starts here:
         *     "Use the List Prefixes endpoint and take note of the `id` associated
         *     with the prefix (`cidr`) you will configure" (Cloudflare's BYOIP
         *     documentation, service bindings, account information).
         *
         *     The list is not paginated: it takes no query parameters, Cloudflare's
         *     API reference lists no `result_info` for it, and the official SDK
         *     (7.3.0) reads it as a single page.
         */
        get: operations["listPrefixes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/addressing/prefixes/{prefix_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        /**
         * Prefix Details
         * @description Fetches one prefix of the account. Its `approved` state says whether
         *     bindings may be created and the prefix advertised: "When all
         *     validations pass - RPKI, IRR, and ownership - the `approved` field in
         *     your prefix will return `"V"`. This means you can proceed to create IP
         *     address service bindings" (Cloudflare's BYOIP documentation, Get
         *     started).
         */
        get: operations["getPrefix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        /**
         * List BGP Prefixes
         * @description Lists the BGP prefixes of a prefix: the networks Cloudflare announces
         *     for it over BGP, each with its on-demand advertisement state. "By
         *     default, there is always at least one BGP prefix that is identical to
         *     the onboarded IP prefix"; more specific ones may be added, "up to a
         *     maximum prefix length of `/24`" (Cloudflare's Magic Transit
         *     documentation, advertise prefixes). The default one is "created
         *     automatically" with the prefix-wide service binding, and "BGP prefixes
         *     are initially withdrawn" (Cloudflare's BYOIP documentation, Get
         *     started).
         *
         *     The list is not paginated: Cloudflare's API reference lists no
         *     `result_info` for it, and the official SDK reads it as a single page.
         */
        get: operations["listBgpPrefixes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes/{bgp_prefix_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
                /**
                 * @description The identifier of the BGP prefix, from List BGP Prefixes.
                 * @example 7009ba364c7a5760798ceb430e603b74
                 */
                bgp_prefix_id: components["parameters"]["BgpPrefixId"];
            };
            cookie?: never;
        };
        /**
         * Fetch BGP Prefix
         * @description Fetches one BGP prefix of the prefix. After an Update BGP Prefix, this
         *     is how to learn that the change took effect: "A successful API
         *     response indicates the service registered the request", and
         *     "enabling advertising typically takes two to seven minutes and
         *     disabling advertising takes approximately 15 minutes" (Cloudflare's
         *     BYOIP documentation, dynamic advertisement).
         */
        get: operations["getBgpPrefix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update BGP Prefix
         * @description Changes a BGP prefix: `on_demand.advertised` advertises it over BGP
         *     (`true`) or withdraws it (`false`), `asn_prepend_count` prepends
         *     Cloudflare's ASN to the AS path ("values from `0` to `3`. A higher
         *     value makes the route less preferred"), and `auto_advertise_withdraw`
         *     ties the advertisement to matching routes in the Magic routing table
         *     (Cloudflare's Magic Transit documentation, advertise prefixes). Every
         *     member is optional; send only what should change.
         *
         *     The answer says the request was registered, not that it took effect:
         *     advertising takes two to seven minutes and withdrawing about 15
         *     (Cloudflare's BYOIP documentation, dynamic advertisement); poll Fetch
         *     BGP Prefix until `on_demand.advertised` says so. Cloudflare's
         *     documentation says a prefix must be approved (`approved: V`) before it
         *     is used, that a locked prefix's advertisement "cannot be changed", and
         *     to "allow five hours" after the prefix-wide binding is created before
         *     advertising (BYOIP documentation, Get started; the
         *     `on_demand_locked` member's description).
         *
         *     It does not say how the API refuses a change that breaks those rules.
         *     The stateful fake (`cloudflare-service-bindings/testing`) refuses any
         *     change to a BGP prefix of a prefix that is not approved with 409 and
         *     `prefix_not_approved`, a change of `on_demand.advertised` on a BGP
         *     prefix that is locked or whose on-demand advertisement is not enabled
         *     with 409 and `advertisement_locked` or `on_demand_disabled`, and a
         *     body member outside its schema (an `asn_prepend_count` outside 0 to
         *     3, for one) with 400 and the example that points at the member; a
         *     refused request changes nothing. It applies `asn_prepend_count` and
         *     `auto_advertise_withdraw` at once and answers with the BGP prefix as
         *     it then is: a change of `on_demand.advertised` is only registered,
         *     and takes effect after a delay on a clock the test controls (5
         *     minutes to advertise and 15 to withdraw by default, within the
         *     documented two to seven and about 15). Asking for the state it has,
         *     or for the one already pending, changes nothing; asking for the
         *     other one replaces the pending change. These are the fake's choices.
         */
        patch: operations["updateBgpPrefix"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A Cloudflare identifier: at most 32 characters, in practice 32
         *     lowercase hexadecimal characters.
         * @example 258def64c72dae45f3e4c8516e2111f2
         */
        Identifier: string;
        /**
         * @description An IPv4 or IPv6 network in CIDR notation.
         * @example 192.0.2.0/24
         * @example 2001:db8::/48
         */
        Cidr: string;
        /**
         * @description Where the binding is in its rollout.
         *
         *     - `provisioning`: the binding is being deployed across Cloudflare's
         *       network, which "will take four to six hours to complete"
         *       (https://developers.cloudflare.com/byoip/service-bindings/).
         *     - `active`: "When a binding has been deployed to a majority of
         *       Cloudflare datacenters, the binding will become active and can be
         *       used with its associated service" (Cloudflare's published schema).
         *     - `magic_transit_route_missing`: listed in Cloudflare's API reference
         *       without a description; by its name, a Magic Transit route the
         *       binding needs is missing.
         *
         *     The API has added values to this list before:
         *     `magic_transit_route_missing` is not in Cloudflare's published schema
         *     of 2024-08 and is in its API reference since
         *     (https://developers.cloudflare.com/api/resources/addressing/subresources/prefixes/subresources/service_bindings/methods/list/).
         *     A consumer must treat a
         *     value it does not know as "not active yet", never as an error.
         *     `x-extensible-enum: true` says so to generators: the generated type
         *     is the known values plus any other string.
         * @example active
         * @enum {string}
         */
        ProvisioningState: "provisioning" | "active" | "magic_transit_route_missing" | (string & {});
        /** @description The provisioning status of a service binding. */
        Provisioning: {
            state: components["schemas"]["ProvisioningState"];
        };
        /**
         * @description A binding of a CIDR of a BYOIP prefix to one Cloudflare service.
         *     Traffic to an address goes to the service of the most specific binding
         *     that covers it.
         */
        ServiceBinding: {
            /** @description The identifier of the service binding. */
            id: components["schemas"]["Identifier"];
            /** @description The CIDR this binding routes; the prefix itself or a more specific network inside it. */
            cidr: components["schemas"]["Cidr"];
            provisioning: components["schemas"]["Provisioning"];
            /** @description The identifier of the bound service, as listed by List Services. */
            service_id: components["schemas"]["Identifier"];
            /**
             * @description The name of the bound service, for example `Magic Transit`, `CDN`
             *     or `Spectrum`. Optional: Cloudflare's published schema does not
             *     require it, and Cloudflare's documentation shows a Get Service
             *     Binding answer without it
             *     (https://developers.cloudflare.com/data-localization/regional-services/ip-bindings/,
             *     "Check binding status"). The stateful fake always sends it (its
             *     choice).
             * @example Magic Transit
             */
            service_name?: string;
        };
        /** @description A Cloudflare service that a BYOIP prefix can be bound to. */
        Service: {
            /** @description The service's identifier, used as a binding's `service_id`. */
            id: components["schemas"]["Identifier"];
            /**
             * @description The service's name, for example `Magic Transit`, `CDN` or `Spectrum`.
             * @example CDN
             */
            name: string;
        };
        /** @description The binding to create. */
        CreateServiceBindingRequest: {
            /**
             * @description The CIDR to bind. The first binding of a prefix must equal the
             *     prefix's CIDR; later ones may be more specific.
             */
            cidr: components["schemas"]["Cidr"];
            /** @description The identifier of the service to bind to, from List Services. */
            service_id: components["schemas"]["Identifier"];
        };
        /** @description One error or informational message of the envelope. */
        ResponseMessage: {
            /**
             * @description A stable numeric code for the condition. At least 1000, as
             *     Cloudflare's published schema says, except on a 429: see
             *     RateLimitMessage.
             * @example 1002
             */
            code: number;
            /** @description A human-readable description of the condition. */
            message: string;
            /** @description A link to documentation about the condition. */
            documentation_url?: string;
            /** @description Where in the request the condition was found. */
            source?: {
                /** @description A JSON Pointer to the offending member of the request body. */
                pointer?: string;
            };
        };
        /**
         * @description An error of a 429 answer. Its code has no lower bound because the live
         *     API sends code 971 on a 429 (observed:
         *     https://github.com/cloudflare/terraform-provider-cloudflare/issues/5505),
         *     below the minimum of 1000 that Cloudflare's published schema gives
         *     every message; validating live 429 answers against that minimum would
         *     report each of them as a violation.
         */
        RateLimitMessage: {
            /**
             * @description A numeric code for the condition; 971 as observed.
             * @example 971
             */
            code: number;
            /** @description A human-readable description of the condition. */
            message: string;
            /** @description A link to documentation about the condition. */
            documentation_url?: string;
        };
        /**
         * @description The envelope of a 429: the failure envelope, with errors that are
         *     RateLimitMessage (any integer code) instead of ResponseMessage.
         */
        RateLimitEnvelope: {
            /**
             * @description Always `false` for a failed request.
             * @constant
             */
            success: false;
            /** @description The conditions that made the request fail; never empty. */
            errors: components["schemas"]["RateLimitMessage"][];
            /** @description Informational messages about the request. */
            messages: components["schemas"]["ResponseMessage"][];
            /** @description Always `null` for a failed request. */
            result: null;
        };
        /**
         * @description Cloudflare's standard response envelope. Every response of this API,
         *     success or failure, has this shape.
         */
        Envelope: {
            /** @description Whether the request succeeded. */
            success: boolean;
            /** @description What went wrong; empty on success. */
            errors: components["schemas"]["ResponseMessage"][];
            /** @description Informational messages about the request. */
            messages: components["schemas"]["ResponseMessage"][];
        };
        /** @description An envelope of a request that succeeded. */
        SuccessEnvelope: components["schemas"]["Envelope"] & {
            /**
             * @description Always `true` for a request that succeeded.
             * @constant
             */
            success?: true;
        };
        /**
         * @description The envelope of a failed request (4xx or 5xx): `success` is `false`,
         *     `errors` names at least one condition and `result` is `null`.
         */
        ErrorEnvelope: components["schemas"]["Envelope"] & {
            /**
             * @description Always `false` for a failed request.
             * @constant
             */
            success?: false;
            /** @description The conditions that made the request fail; never empty. */
            errors?: components["schemas"]["ResponseMessage"][];
            /** @description Always `null` for a failed request. */
            result: null;
        };
        /** @description The envelope of List Service Bindings. */
        ServiceBindingListResponse: components["schemas"]["SuccessEnvelope"] & {
            /** @description Every service binding of the prefix. */
            result: components["schemas"]["ServiceBinding"][];
        };
        /** @description The envelope of Create and Get Service Binding. */
        ServiceBindingResponse: components["schemas"]["SuccessEnvelope"] & {
            result: components["schemas"]["ServiceBinding"];
        };
        /**
         * @description The envelope of Delete Service Binding: `success: true`, and a
         *     `result` that is absent or `null`.
         */
        DeleteResponse: components["schemas"]["SuccessEnvelope"] & {
            /**
             * @description Absent, as Cloudflare's API reference shows the answer, or
             *     `null`, as Cloudflare's envelope writes "no result".
             */
            result?: null;
        };
        /** @description The envelope of List Services. */
        ServiceListResponse: components["schemas"]["SuccessEnvelope"] & {
            /** @description Every service a prefix can be bound to. */
            result: components["schemas"]["Service"][];
        };
        /**
         * Format: date-time
         * @description A moment in RFC 3339 form, for example `2014-01-01T05:20:00.12345Z`.
         */
        Timestamp: string;
        /**
         * @description Whether Cloudflare approved the prefix: "P = pending, V = active"
         *     (Cloudflare's published schema and API reference). Only `V` lets
         *     bindings be created and the prefix be advertised. No other value is
         *     documented; as with every open enum here, treat a value you do not
         *     know as "not approved yet".
         * @example V
         * @enum {string}
         */
        PrefixApproval: "P" | "V" | (string & {});
        /** @description A BYOIP prefix of the account, as Cloudflare onboarded it. */
        Prefix: {
            /** @description The identifier of the prefix. */
            id: components["schemas"]["Identifier"];
            /** @description The identifier of the account that owns it. */
            account_id?: components["schemas"]["Identifier"];
            /** @description The prefix itself, for example `192.0.2.0/24`. */
            cidr: components["schemas"]["Cidr"];
            approved: components["schemas"]["PrefixApproval"];
            /** @description The Autonomous System Number the prefix is advertised under. */
            asn?: number | null;
            /** @description A description of the prefix, for people. */
            description?: string;
            /** @description The identifier of the uploaded Letter of Authorization. */
            loa_document_id?: string | null;
            /** @description Whether Cloudflare may generate the Letter of Authorization for the owner. */
            delegate_loa_creation?: boolean;
            created_at?: components["schemas"]["Timestamp"];
            modified_at?: components["schemas"]["Timestamp"];
            /**
             * @deprecated
             * @description Whether the prefix's advertisement may be changed on demand.
             *     Deprecated by Cloudflare in favour of the BGP prefixes' own
             *     `on_demand` (official SDK 7.3.0).
             */
            on_demand_enabled?: boolean;
            /**
             * @deprecated
             * @description Whether the advertisement is locked. Deprecated as `on_demand_enabled` is.
             */
            on_demand_locked?: boolean;
            /**
             * @deprecated
             * @description Whether the prefix is advertised; `null` unless on-demand
             *     advertisement is enabled. Deprecated as `on_demand_enabled` is.
             */
            advertised?: boolean | null;
            /**
             * Format: date-time
             * @deprecated
             * @description When `advertised` last changed. Deprecated as `on_demand_enabled` is.
             */
            advertised_modified_at?: string | null;
            /** @description The prefix's IRR validation, for example `pending`, `valid`, `missing` or `invalid`. */
            irr_validation_state?: string;
            /** @description The prefix's RPKI validation, with the same values. */
            rpki_validation_state?: string;
            /** @description The prefix's ownership validation, with the same values. */
            ownership_validation_state?: string;
            /** @description The token that proves ownership of the prefix. */
            ownership_validation_token?: string;
        };
        /** @description The on-demand advertisement of a BGP prefix. */
        BgpOnDemand: {
            /**
             * @description Whether Cloudflare advertises the BGP prefix; "only not 'null' if
             *     on demand is enabled" (Cloudflare's published schema).
             */
            advertised: boolean | null;
            /**
             * Format: date-time
             * @description When `advertised` last changed; `null` if it never did.
             */
            advertised_modified_at?: string | null;
            /** @description Whether the advertisement may be changed on demand, with Update BGP Prefix. */
            on_demand_enabled: boolean;
            /**
             * @description Whether the advertisement is locked, "meaning it cannot be
             *     changed": until Cloudflare closes the pre-flight checks
             *     (Cloudflare's Magic Transit documentation, advertise prefixes).
             */
            on_demand_locked: boolean;
        };
        /** @description A network of a prefix that Cloudflare announces over BGP, and how. */
        BgpPrefix: {
            /** @description The identifier of the BGP prefix. */
            id: components["schemas"]["Identifier"];
            /** @description The network announced; the prefix itself, or a more specific network up to a /24. */
            cidr: components["schemas"]["Cidr"];
            /** @description The Autonomous System Number it is announced under. */
            asn?: number | null;
            /** @description How many times Cloudflare's ASN is prepended to the AS path (0 to 3). */
            asn_prepend_count?: number;
            /**
             * @description Whether Cloudflare advertises it only while the Magic routing
             *     table has a route matching it exactly.
             */
            auto_advertise_withdraw?: boolean;
            /** @description Control of the advertisement by BGP signal. */
            bgp_signal_opts?: {
                /** @description Whether BGP signals control the advertisement. */
                enabled?: boolean;
                /**
                 * Format: date-time
                 * @description When BGP signaling was last toggled; `null` if it never was.
                 */
                modified_at?: string | null;
            };
            created_at?: components["schemas"]["Timestamp"];
            modified_at?: components["schemas"]["Timestamp"];
            on_demand: components["schemas"]["BgpOnDemand"];
        };
        /** @description What to change about a BGP prefix; every member is optional. */
        UpdateBgpPrefixRequest: {
            /** @description The on-demand advertisement. */
            on_demand?: {
                /** @description `true` to advertise the BGP prefix, `false` to withdraw it. */
                advertised?: boolean;
            };
            /** @description How many times to prepend Cloudflare's ASN to the AS path. */
            asn_prepend_count?: number;
            /** @description Whether to advertise only while the Magic routing table has an exactly matching route. */
            auto_advertise_withdraw?: boolean;
        };
        /** @description The envelope of List Prefixes. */
        PrefixListResponse: components["schemas"]["SuccessEnvelope"] & {
            /** @description Every prefix of the account. */
            result: components["schemas"]["Prefix"][];
        };
        /** @description The envelope of Prefix Details. */
        PrefixResponse: components["schemas"]["SuccessEnvelope"] & {
            result: components["schemas"]["Prefix"];
        };
        /** @description The envelope of List BGP Prefixes. */
        BgpPrefixListResponse: components["schemas"]["SuccessEnvelope"] & {
            /** @description Every BGP prefix of the prefix. */
            result: components["schemas"]["BgpPrefix"][];
        };
        /** @description The envelope of Fetch and Update BGP Prefix. */
        BgpPrefixResponse: components["schemas"]["SuccessEnvelope"] & {
            result: components["schemas"]["BgpPrefix"];
        };
    };
    responses: {
        /**
         * @description The request carried no credentials. Observed: the live API answers
         *     this with 400 and code 9106 (see the example). Cloudflare's published
         *     schema declares no status for it: only the range 4XX for every client
         *     error of these operations.
         */
        MissingCredentials: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The binding cannot be created as asked. */
        CreateBadRequest: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The binding cannot be created in the prefix's present state: the
         *     prefix is not approved, or the CIDR already has a binding (one
         *     service per address). The rules are Cloudflare's (see Create Service
         *     Binding); the status and codes are the stateful fake's choice, as
         *     Cloudflare does not document them.
         */
        CreateConflict: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The credentials were refused: an API token that is invalid, expired
         *     or revoked, or an e-mail and key that do not match. (Missing
         *     credentials are a 400; see MissingCredentials.)
         */
        Unauthorized: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The credentials are valid but lack a permission for this account or
         *     operation. The stateful fake answers an account it does not hold
         *     with this 403 (its choice).
         */
        Forbidden: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The account has no prefix with this id. */
        PrefixNotFound: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The prefix, or the binding within it, does not exist. */
        BindingNotFound: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The binding is the Magic Transit binding that spans the whole prefix,
         *     which must stay (see Delete Service Binding). The status and code are
         *     the stateful fake's choice: Cloudflare does not document them.
         */
        BaseBindingConflict: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Any other client error. Cloudflare's own description of these
         *     operations declares client errors only as a range, so any 4xx status
         *     may occur; each carries the failure envelope. The stateful fake
         *     answers a path identifier over the 32-character limit with 400 and
         *     the `invalid_identifier` example (its choice: Cloudflare documents
         *     only the limit).
         */
        OtherClientError: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The rate limit was exceeded. `Retry-After`, when present, says how
         *     many seconds to wait before trying again. The body's schema is
         *     RateLimitEnvelope, whose error codes have no lower bound: the live
         *     API sends code 971 here (observed, see the example).
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitEnvelope"];
            };
        };
        /**
         * @description Cloudflare, or a proxy in front of it (502, 503, 504), failed to handle
         *     the request; it may succeed when sent again.
         */
        InternalServerError: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The prefix, or the BGP prefix within it, does not exist. */
        BgpPrefixNotFound: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The change cannot be made as asked: the body is not a JSON object, or
         *     a member of it is not what the schema allows. Cloudflare does not
         *     document the status and codes; the stateful fake answers each with
         *     400 and the example that points at the member, or at the whole body
         *     (`invalid_body`): its choice.
         */
        UpdateBgpPrefixBadRequest: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The advertisement cannot be changed now: the BGP prefix is locked,
         *     its on-demand advertisement is not enabled, or the prefix is not
         *     approved. The status and codes are the stateful fake's choice:
         *     Cloudflare documents the rules (see Update BGP Prefix), not how the
         *     API refuses them; its troubleshooting page names the condition
         *     `prefix_not_valid_and_approved`, without a status.
         */
        AdvertisementConflict: {
            headers: {
                "CF-Ray": components["headers"]["CfRay"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description The account's identifier. In practice 32 lowercase hexadecimal
         *     characters; the API declares only the length limit.
         * @example 258def64c72dae45f3e4c8516e2111f2
         */
        AccountId: components["schemas"]["Identifier"];
        /**
         * @description The identifier of the BYOIP prefix.
         * @example 2af39739cc4e3b5910c918468bb89828
         */
        PrefixId: components["schemas"]["Identifier"];
        /**
         * @description The identifier of the service binding.
         * @example 0429b49b6a5155297b78e75a44b09e14
         */
        BindingId: components["schemas"]["Identifier"];
        /**
         * @description The identifier of the BGP prefix, from List BGP Prefixes.
         * @example 7009ba364c7a5760798ceb430e603b74
         */
        BgpPrefixId: components["schemas"]["Identifier"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description The identifier Cloudflare gives the request, for support tickets and
         *     log correlation.
         * @example 8f1e2d3c4b5a6978-AMS
         */
        CfRay: string;
        /**
         * @description How many seconds to wait before sending the request again.
         *     Cloudflare documents it as sent once the rate limit was reached
         *     (https://developers.cloudflare.com/fundamentals/api/reference/limits/),
         *     but it is not guaranteed. Observed missing on some 429 answers
         *     (https://github.com/cloudflare/workers-sdk/pull/14877: "This isn't
         *     always set - but in certain cases it is"), so it is optional here.
         * @example 30
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listServiceBindings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The prefix's service bindings. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceBindingListResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PrefixNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    createServiceBinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceBindingRequest"];
            };
        };
        responses: {
            /** @description The binding was created. */
            201: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceBindingResponse"];
                };
            };
            400: components["responses"]["CreateBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PrefixNotFound"];
            409: components["responses"]["CreateConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    getServiceBinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
                /**
                 * @description The identifier of the service binding.
                 * @example 0429b49b6a5155297b78e75a44b09e14
                 */
                binding_id: components["parameters"]["BindingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service binding. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceBindingResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BindingNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    deleteServiceBinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
                /**
                 * @description The identifier of the service binding.
                 * @example 0429b49b6a5155297b78e75a44b09e14
                 */
                binding_id: components["parameters"]["BindingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The binding was deleted. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BindingNotFound"];
            409: components["responses"]["BaseBindingConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The services available to the account. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceListResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    listPrefixes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's prefixes. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrefixListResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    getPrefix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The prefix. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrefixResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PrefixNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    listBgpPrefixes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The prefix's BGP prefixes. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BgpPrefixListResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PrefixNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    getBgpPrefix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
                /**
                 * @description The identifier of the BGP prefix, from List BGP Prefixes.
                 * @example 7009ba364c7a5760798ceb430e603b74
                 */
                bgp_prefix_id: components["parameters"]["BgpPrefixId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The BGP prefix. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BgpPrefixResponse"];
                };
            };
            400: components["responses"]["MissingCredentials"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BgpPrefixNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
    updateBgpPrefix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account's identifier. In practice 32 lowercase hexadecimal
                 *     characters; the API declares only the length limit.
                 * @example 258def64c72dae45f3e4c8516e2111f2
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The identifier of the BYOIP prefix.
                 * @example 2af39739cc4e3b5910c918468bb89828
                 */
                prefix_id: components["parameters"]["PrefixId"];
                /**
                 * @description The identifier of the BGP prefix, from List BGP Prefixes.
                 * @example 7009ba364c7a5760798ceb430e603b74
                 */
                bgp_prefix_id: components["parameters"]["BgpPrefixId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBgpPrefixRequest"];
            };
        };
        responses: {
            /** @description The change was registered; the BGP prefix as it now is. */
            200: {
                headers: {
                    "CF-Ray": components["headers"]["CfRay"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BgpPrefixResponse"];
                };
            };
            400: components["responses"]["UpdateBgpPrefixBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BgpPrefixNotFound"];
            409: components["responses"]["AdvertisementConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            "4XX": components["responses"]["OtherClientError"];
            "5XX": components["responses"]["InternalServerError"];
        };
    };
}
