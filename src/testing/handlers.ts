// The fake's behaviour, one handler per operationId: a request already matched,
// authenticated and checked against the spec (routes.ts) becomes an answer,
// read from and written to the store. A new operation is a new entry in one of
// the tables joined here: bindings and services, or prefixes and BGP prefixes.
import { BINDING_HANDLERS } from "./binding-handlers.ts";
import type { Handlers } from "./handler.ts";
import { PREFIX_HANDLERS } from "./prefix-handlers.ts";

/** The operations' behaviour, by operationId. One the spec has and this lacks is answered with a 5XX. */
export const HANDLERS: Handlers = { ...BINDING_HANDLERS, ...PREFIX_HANDLERS };
