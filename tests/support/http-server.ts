// A real HTTP server on 127.0.0.1 for fault tests: it counts requests, records
// each raw request line, and runs a handler you give per test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the server saw of one request. */
export interface ReceivedRequest {
  method: string;
  /** The request target exactly as it arrived on the wire (path and query, still percent-encoded). */
  rawTarget: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Handles request number `index` (0-based). */
export type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** A running test server. `close()` stops it and every open connection. */
export interface TestServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const index = requests.length;
      requests.push({
        method: request.method ?? "",
        rawTarget: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      handler(request, response, index);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body with the given status and headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** A success envelope. */
export function envelope(result?: unknown) {
  const body: Record<string, unknown> = { success: true, errors: [], messages: [] };
  if (result !== undefined) body.result = result;
  return body;
}

/** The URL of a port on 127.0.0.1 that was free a moment ago and has nothing listening: a dead server. */
export async function deadServerUrl(): Promise<string> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.url;
}
