// A local implementation of the API for the validation proxy's tests: it
// answers every operation with the spec's first success example (the 400
// missing-credentials answer without credentials), or with deliberate drifts
// from the spec: one everywhere, or a different one per operation.
import type { IncomingMessage, ServerResponse } from "node:http";
import { loadSpec, type Node, operations, pathPattern, responses } from "../../scripts/lib/spec.ts";
import { startServer, type TestServer } from "./http-server.ts";

/** How the upstream departs from the spec. */
export type Drift = "none" | "renamed field" | "wrong status code" | "missing envelope member" | "wrong type";

/** Every drift at once, each on the operations the conformance subset is sure to call. */
export const DRIFT_PER_OPERATION: Record<string, Drift> = {
  listServices: "renamed field",
  listServiceBindings: "wrong type",
  getServiceBinding: "missing envelope member",
  createServiceBinding: "wrong status code",
};

/** What the upstream does: drift the same way everywhere, or as `DRIFT_PER_OPERATION` says. */
export type UpstreamMode = Drift | "a different drift per operation";

const spec = loadSpec();
const routes = operations(spec).map((operation) => {
  const all = responses(spec, operation);
  const success = all.find((r) => r.status.startsWith("2"));
  const badRequest = all.find((r) => r.status === "400");
  return {
    operationId: operation.operationId,
    method: operation.method.toUpperCase(),
    pattern: pathPattern(operation.path),
    status: Number(success?.status),
    body: Object.values<Node>(success?.examples ?? {})[0]?.value,
    missingCredentials: badRequest?.examples.missing_credentials?.value,
  };
});

function drifted(drift: Drift, status: number, body: Node): [number, Node] {
  const copy = structuredClone(body);
  const results = Array.isArray(copy.result) ? copy.result : copy.result ? [copy.result] : [];
  switch (drift) {
    case "renamed field":
      for (const item of results) {
        if ("service_name" in item) item.serviceName = item.service_name;
        delete item.service_name;
        if ("name" in item) item.title = item.name;
        delete item.name;
      }
      return [status, copy];
    case "wrong status code":
      return [status === 200 ? 202 : 200, copy];
    case "missing envelope member":
      delete copy.messages;
      return [status, copy];
    case "wrong type":
      copy.success = "true";
      return [status, copy];
    default:
      return [status, copy];
  }
}

/** Starts the upstream; `drift` is read on every request, so a test can switch it. */
export async function startUpstream(state: { drift: UpstreamMode }): Promise<TestServer> {
  return startServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
    const send = (status: number, body: unknown) => {
      const text = body === undefined ? "" : JSON.stringify(body);
      response.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      response.end(text);
    };
    if (!route)
      return send(404, {
        success: false,
        errors: [{ code: 1000, message: "No route" }],
        messages: [],
        result: null,
      });
    const authenticated = request.headers.authorization || request.headers["x-auth-key"];
    if (!authenticated) return send(400, route.missingCredentials);
    const drift =
      state.drift === "a different drift per operation"
        ? (DRIFT_PER_OPERATION[route.operationId] ?? "none")
        : state.drift;
    const [status, body] = drifted(drift, route.status, route.body);
    send(status, body);
  });
}
