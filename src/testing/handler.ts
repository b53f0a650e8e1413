// What a handler is: the request it is given, already checked, and the answer
// it gives, using the store. The handlers themselves are in handlers.ts.
import type { OperationId, PathParams, RequestBody } from "../types.ts";
import type { Answer } from "./answers.ts";
import type { Store } from "./store.ts";
import type { StoredAccount, StoredPrefix } from "./stored.ts";

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

/** Handlers by operationId. */
export type Handlers = { readonly [Op in OperationId]?: Handler<Op> };
