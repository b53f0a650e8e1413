// The fake over HTTP on 127.0.0.1: each request is handed to the fake's fetch,
// so the server and the in-process fetch share one state. Loaded only by
// `listen()`, so the fake's fetch works where Node's modules do not.
/// <reference types="node" />
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { isLostAnswer } from "./faults.ts";

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Serves `fetch` on 127.0.0.1:`port` (0 picks a free port); `close()` stops it and every open connection. */
export async function serve(
  fetch: (request: Request) => Promise<Response>,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const body = await bodyOf(incoming);
      // Each value as received: a repeated header reaches the fake as many times as it was sent.
      const headers = new Headers();
      for (const [name, values] of Object.entries(incoming.headersDistinct)) {
        // Stryker disable next-line ArrayDeclaration: headersDistinct has an array for every name it lists; `?? []` is for its type only.
        for (const value of values ?? []) headers.append(name, value);
      }
      // A server's request always has a URL and a method.
      const request = new Request(`http://127.0.0.1${incoming.url as string}`, {
        method: incoming.method as string,
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      const response = await fetch(request);
      const text = Buffer.from(await response.arrayBuffer());
      const head: Record<string, string> = { "content-length": String(text.length) };
      response.headers.forEach((value, name) => {
        head[name] = value;
      });
      outgoing.writeHead(response.status, head);
      outgoing.end(text);
    } catch (error) {
      // A lost answer: the request was applied; the client sees the connection reset (ECONNRESET).
      if (isLostAnswer(error)) {
        incoming.socket.resetAndDestroy();
        return;
      }
      outgoing.writeHead(500, { "content-type": "text/plain" });
      outgoing.end(`the fake failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open connections too (keep-alive ones a client still holds), so close never waits on a client.
        server.closeAllConnections();
      }),
  };
}
