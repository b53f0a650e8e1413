// Where each operation of the spec lives and what its `result` is. The
// `satisfies` clause makes a spec operation without an entry, or a result
// shape the generated types disagree with, a compile error.
import type { operations, paths } from "../generated/openapi.ts";
import type { ResultShape } from "./envelope.ts";
import type { Result } from "./types.ts";

/** The shape the generated types give an operation's result: checked, so the table cannot contradict the spec. */
type ShapeOf<R> = [R] extends [undefined] ? "none" : R extends readonly unknown[] ? "array" : "object";

/** How to reach one operation, and the shape of its `result`. */
export interface Route {
  method: "GET" | "POST" | "DELETE";
  path: keyof paths;
  result: ResultShape;
}

/** Every operation of the spec, by operationId. */
export const ROUTES = {
  listServiceBindings: {
    method: "GET",
    path: "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings",
    result: "array",
  },
  createServiceBinding: {
    method: "POST",
    path: "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings",
    result: "object",
  },
  getServiceBinding: {
    method: "GET",
    path: "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}",
    result: "object",
  },
  deleteServiceBinding: {
    method: "DELETE",
    path: "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}",
    result: "none",
  },
  listServices: {
    method: "GET",
    path: "/accounts/{account_id}/addressing/services",
    result: "array",
  },
} as const satisfies { [Op in keyof operations]: Route & { result: ShapeOf<Result<Op>> } };
