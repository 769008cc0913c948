// A tiny loopback HTTP server for transport-level tests: scripted answers,
// every request recorded, and a count of distinct TCP connections (to prove
// keep-alive reuse). Not a Metronome: the emulator is for that.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  socketId: number;
}

export type Handler = (req: Recorded, res: ServerResponse, socket: Socket) => void | Promise<void>;

export interface StubServer {
  url: string;
  requests: Recorded[];
  /** Distinct TCP connections accepted so far. */
  connections(): number;
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startStub(initial: Handler = (_req, res) => json(res, 200, { data: { id: "c1" } })): Promise<StubServer> {
  let handler = initial;
  let nextSocketId = 0;
  const socketIds = new WeakMap<Socket, number>();
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const socket = req.socket;
      const recorded: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        socketId: socketIds.get(socket) ?? -1,
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, res, socket)).catch((err: unknown) => {
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    });
  });
  server.on("connection", (socket: Socket) => socketIds.set(socket, nextSocketId++));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => nextSocketId,
    setHandler: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
