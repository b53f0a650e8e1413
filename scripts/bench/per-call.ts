// Per-call cost on a loopback keep-alive server: bare fetch (the floor),
// openapi-fetch alone, this package's client, and the official SDK, timed by
// tinybench (warm-up, then the median latency of many sequential calls).
import { deepStrictEqual } from "node:assert";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import type { paths } from "../../generated/openapi.ts";
import { createServiceBindingsClient } from "../../src/index.ts";
import type { Base } from "./base.ts";
import type { Row } from "./common.ts";
import { ensureSdk } from "./sdk.ts";

const ACCOUNT_ID = "258def64c72dae45f3e4c8516e2111f2";
const PREFIX_ID = "2af39739cc4e3b5910c918468bb89828";
const BINDING_ID = "0429b49b6a5155297b78e75a44b09e14";
const API_TOKEN = "bench-token-0123456789abcdef";

const BINDING = {
  id: BINDING_ID,
  cidr: "192.0.2.0/24",
  provisioning: { state: "active" },
  service_id: "2db684ee7ca04e159946fd05b99e1bcd",
  service_name: "Magic Transit",
};
const LIST_BODY = JSON.stringify({ success: true, errors: [], messages: [], result: [BINDING] });
const GET_BODY = JSON.stringify({ success: true, errors: [], messages: [], result: BINDING });
const LIST_PATH = `/client/v4/accounts/${ACCOUNT_ID}/addressing/prefixes/${PREFIX_ID}/bindings`;
const GET_PATH = `${LIST_PATH}/${BINDING_ID}`;

type Op = "list" | "get";
const OPS: readonly Op[] = ["list", "get"];

/** The subset of the SDK this bench calls (checked against cloudflare's .d.ts: list(prefixID, {account_id}), get(bindingID, {account_id, prefix_id})). */
interface SdkServiceBindings {
  list(prefixId: string, params: { account_id: string }): PromiseLike<{ result: unknown[] }>;
  get(bindingId: string, params: { account_id: string; prefix_id: string }): PromiseLike<unknown>;
}
interface SdkClient {
  addressing: { prefixes: { serviceBindings: SdkServiceBindings } };
}
type SdkConstructor = new (options: { apiToken: string; baseURL: string }) => SdkClient;

/** The loopback server: counts hits per route and refuses a request without the token. */
interface BenchServer {
  baseUrl: string;
  hits: Record<Op | "other", number>;
  close(): Promise<void>;
}

async function startServer(): Promise<BenchServer> {
  const hits: Record<Op | "other", number> = { list: 0, get: 0, other: 0 };
  const server: Server = createServer((request, response) => {
    const authorized = request.headers.authorization === `Bearer ${API_TOKEN}`;
    let body: string | undefined;
    if (authorized && request.method === "GET" && request.url === LIST_PATH) {
      hits.list++;
      body = LIST_BODY;
    } else if (authorized && request.method === "GET" && request.url === GET_PATH) {
      hits.get++;
      body = GET_BODY;
    }
    if (body === undefined) {
      hits.other++;
      const notFound = JSON.stringify({
        success: false,
        errors: [{ code: 1000, message: "no route" }],
        messages: [],
        result: null,
      });
      response.writeHead(authorized ? 404 : 401, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(notFound),
      });
      response.end(notFound);
      return;
    }
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type Call = () => Promise<unknown>;
interface Contender {
  name: string;
  calls: Record<Op, Call>;
}

async function contenders(baseUrl: string, base: Base | undefined): Promise<Contender[]> {
  const headers = { Authorization: `Bearer ${API_TOKEN}` };

  const bare: Contender = {
    name: "bare fetch + res.json()",
    calls: {
      list: async () => {
        const res = await fetch(
          `${baseUrl}/accounts/${ACCOUNT_ID}/addressing/prefixes/${PREFIX_ID}/bindings`,
          { headers },
        );
        return ((await res.json()) as { result: unknown }).result;
      },
      get: async () => {
        const res = await fetch(
          `${baseUrl}/accounts/${ACCOUNT_ID}/addressing/prefixes/${PREFIX_ID}/bindings/${BINDING_ID}`,
          { headers },
        );
        return ((await res.json()) as { result: unknown }).result;
      },
    },
  };

  const raw = createClient<paths>({ baseUrl, headers });
  const openapiFetch: Contender = {
    name: "openapi-fetch alone",
    calls: {
      list: async () =>
        (
          await raw.GET("/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings", {
            params: { path: { account_id: ACCOUNT_ID, prefix_id: PREFIX_ID } },
          })
        ).data?.result,
      get: async () =>
        (
          await raw.GET("/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}", {
            params: { path: { account_id: ACCOUNT_ID, prefix_id: PREFIX_ID, binding_id: BINDING_ID } },
          })
        ).data?.result,
    },
  };

  const client = createServiceBindingsClient({ apiToken: API_TOKEN, accountId: ACCOUNT_ID, baseUrl });
  const ours: Contender = {
    name: "this package",
    calls: {
      list: () => client.listServiceBindings({ prefix_id: PREFIX_ID }),
      get: () => client.getServiceBinding({ prefix_id: PREFIX_ID, binding_id: BINDING_ID }),
    },
  };

  const sdkDir = await ensureSdk();
  const sdkModule = (await import(
    pathToFileURL(join(sdkDir, "node_modules", "cloudflare", "index.mjs")).href
  )) as {
    default: SdkConstructor;
  };
  const Cloudflare = sdkModule.default;
  const sdk = new Cloudflare({ apiToken: API_TOKEN, baseURL: baseUrl });
  const bindings = sdk.addressing.prefixes.serviceBindings;
  const official: Contender = {
    name: "cloudflare SDK 7.3.0",
    calls: {
      list: async () => (await bindings.list(PREFIX_ID, { account_id: ACCOUNT_ID })).result,
      get: async () => await bindings.get(BINDING_ID, { account_id: ACCOUNT_ID, prefix_id: PREFIX_ID }),
    },
  };
  const all = [bare, openapiFetch, ours, official];
  if (base) {
    // The package at the ref, loaded from its own files in the same process: same server, same rounds.
    const before = (await import(pathToFileURL(join(base.root, "src", "index.ts")).href)) as {
      createServiceBindingsClient: typeof createServiceBindingsClient;
    };
    const old = before.createServiceBindingsClient({ apiToken: API_TOKEN, accountId: ACCOUNT_ID, baseUrl });
    all.push({
      name: base.label,
      calls: {
        list: () => old.listServiceBindings({ prefix_id: PREFIX_ID }),
        get: () => old.getServiceBinding({ prefix_id: PREFIX_ID, binding_id: BINDING_ID }),
      },
    });
  }
  return all;
}

/** One call of each contender and operation: the parsed result, and exactly one hit on the expected route. */
async function verify(server: BenchServer, all: Contender[]): Promise<void> {
  const expected: Record<Op, unknown> = { list: [BINDING], get: BINDING };
  for (const contender of all) {
    for (const op of OPS) {
      const before = { ...server.hits };
      const result = await contender.calls[op]();
      try {
        deepStrictEqual(JSON.parse(JSON.stringify(result)), expected[op]);
      } catch {
        throw new Error(`${contender.name} ${op}: unexpected result ${JSON.stringify(result)}`);
      }
      if (server.hits[op] !== before[op] + 1 || server.hits.other !== before.other) {
        throw new Error(`${contender.name} ${op}: did not hit the ${op} route exactly once`);
      }
    }
  }
}

export interface PerCallOptions {
  /** Milliseconds each contender is timed per operation, after its warm-up. @default 3000 */
  timeMs?: number;
  /** Also measure the package at this ref, and compare. */
  base?: Base | undefined;
}

/** Measures sequential per-call cost: for each operation, every contender's median latency. */
export async function measurePerCall(options: PerCallOptions = {}): Promise<{ rows: Row[] }> {
  const timeMs = options.timeMs ?? 3000;
  const server = await startServer();
  try {
    const all = await contenders(server.baseUrl, options.base);
    await verify(server, all);
    /** Microseconds per call, the median sample, by contender and operation; and how many calls were timed. */
    const us = new Map<string, number>();
    const samples = new Map<string, number>();
    for (const op of OPS) {
      const bench = new Bench({ name: op, time: timeMs, warmupTime: timeMs / 4 });
      for (const contender of all) bench.add(contender.name, contender.calls[op]);
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result;
        if (result.state !== "completed")
          throw new Error(`${task.name} ${op}: the bench ended ${result.state}`);
        us.set(`${task.name}|${op}`, result.latency.p50 * 1000);
        samples.set(`${task.name}|${op}`, result.latency.samplesCount);
      }
    }
    // Every timed call reached its route, and no call any other.
    if (server.hits.other !== 0)
      throw new Error(`${server.hits.other} calls reached no route of the bench server`);

    const [bare, , ours, official, before] = all as [Contender, Contender, Contender, Contender, Contender?];
    const of = (contender: Contender, op: Op) => us.get(`${contender.name}|${op}`) ?? Number.NaN;
    const rows: Row[] = [];
    for (const op of OPS) {
      for (const contender of all) {
        const value = of(contender, op);
        rows.push({
          what: `${op}: ${contender.name}`,
          measured: `${value.toFixed(1)} µs/call`,
          budget: "info",
          met: undefined,
          note: `${(value / of(bare, op)).toFixed(3)}x bare fetch, ${(value / of(official, op)).toFixed(3)}x SDK; median of ${samples.get(`${contender.name}|${op}`)} calls`,
        });
      }
      const vsFloor = of(ours, op) / of(bare, op);
      const vsSdk = of(ours, op) / of(official, op);
      rows.push(
        {
          what: `${op}: this package vs bare fetch`,
          measured: `${vsFloor.toFixed(3)}x`,
          budget: "<= 1.08x",
          met: vsFloor <= 1.08,
        },
        {
          what: `${op}: this package vs the SDK`,
          measured: `${vsSdk.toFixed(3)}x`,
          budget: "<= 0.70x",
          met: vsSdk <= 0.7,
        },
      );
      if (before) {
        const vsBefore = of(ours, op) / of(before, op);
        rows.push({
          what: `${op}: this package vs ${before.name}`,
          measured: `${vsBefore.toFixed(3)}x`,
          budget: "<= 1.03x (no slower, within the spread)",
          met: vsBefore <= 1.03,
        });
      }
    }
    return { rows };
  } finally {
    await server.close();
  }
}
