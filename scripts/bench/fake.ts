// The stateful fake's per-call cost, through this package's client: in-process
// (its fetch), over HTTP on 127.0.0.1 (listen), against a round trip to the
// Prism mock of the same spec. Budget: in-process at least 20x faster than Prism.

import { createServiceBindingsClient, type ServiceBindingsClient } from "../../src/index.ts";
import { createServiceBindingsFake } from "../../src/testing/index.ts";
import { startPrism } from "../lib/prism.ts";
import { median, type Row } from "./common.ts";

const ACCOUNT = "258def64c72dae45f3e4c8516e2111f2";
const PREFIX = "2af39739cc4e3b5910c918468bb89828";

/** µs per call of `call`, run sequentially: the median of `rounds`, after a warm-up. */
async function perCall(call: () => Promise<unknown>, calls: number, rounds = 5): Promise<number> {
  for (let i = 0; i < 1000; i++) await call();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) await call();
    times.push(((performance.now() - started) * 1000) / calls);
  }
  return median(times);
}

const PATH = `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`;
const HEADERS = { authorization: "Bearer bench-token-0123456789" };

/** The fake's cost in-process and over HTTP, and a Prism round trip's, with the budget row. */
export async function measureFake(calls = 2000): Promise<Row[]> {
  const fake = createServiceBindingsFake();
  const server = await fake.listen();
  const prism = await startPrism({ quiet: true });
  try {
    // One request and its whole answer read, as a caller of fetch sees it.
    const request =
      (fetcher: (url: string, init: RequestInit) => Promise<Response>, origin: string) => async () =>
        (await fetcher(`${origin}${PATH}`, { headers: HEADERS })).text();
    const inProcess = await perCall(request(fake.fetch, "http://fake"), calls);
    const overHttp = await perCall(request(fetch, server.url), calls);
    const viaPrism = await perCall(request(fetch, prism.url.replace(/\/?$/, "")), calls);
    // The same, through this package's client (its own cost is in both).
    const options = { apiToken: "bench-token-0123456789", accountId: ACCOUNT, maxRetries: 0 };
    const list = (client: ServiceBindingsClient) => () => client.listServiceBindings({ prefix_id: PREFIX });
    const clientInProcess = await perCall(
      list(createServiceBindingsClient({ ...options, fetch: fake.fetch })),
      calls,
    );
    const clientPrism = await perCall(
      list(createServiceBindingsClient({ ...options, baseUrl: prism.url })),
      calls,
    );
    const ratio = viaPrism / inProcess;
    const info = (what: string, us: number): Row => ({
      what,
      measured: `${us.toFixed(1)} µs/call`,
      budget: "info",
      met: undefined,
    });
    return [
      info("fetch: the fake, in-process (fake.fetch)", inProcess),
      info("fetch: the fake over HTTP on 127.0.0.1 (listen)", overHttp),
      info("fetch: a round trip to the Prism mock of the spec", viaPrism),
      {
        what: "fetch: a Prism round trip vs the fake in-process",
        measured: `${ratio.toFixed(1)}x slower`,
        budget: ">= 20x",
        met: ratio >= 20,
        note: `median of 5 rounds of ${calls} sequential List Service Bindings requests, each answer read whole`,
      },
      info("client: listServiceBindings with the fake in-process", clientInProcess),
      info("client: listServiceBindings against the Prism mock", clientPrism),
    ];
  } finally {
    await prism.stop();
    await server.close();
  }
}
