// Where each operation of the spec lives and what its `result` is. The
// `satisfies` clause makes a spec operation without an entry a compile error.
import type { operations, paths } from "../generated/openapi.ts";
import type { ResultShape } from "./envelope.ts";

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
} as const satisfies { [Op in keyof operations]: Route };
