// A local HTTP server that receives webhook deliveries and records them raw,
// answering each path as the test says (e.g. fail three times, then accept).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  answeredWith: number;
}

export async function startReceiver(answer: (path: string, count: number) => number = () => 200) {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const status = answer(path, count);
      received.push({ path, headers: request.headers, body, answeredWith: status });
      response.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : `failing on purpose (${count})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
