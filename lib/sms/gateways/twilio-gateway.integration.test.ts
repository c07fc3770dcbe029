import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmsGatewayError } from "./gateway";
import { TwilioSmsGateway } from "./twilio-gateway";

// A local stand-in for api.twilio.com: records each request and answers with
// whatever the test queued.
interface Seen { method?: string; url?: string; authorization?: string; contentType?: string; form: URLSearchParams }
const seen: Seen[] = [];
let reply: (res: http.ServerResponse) => void = (res) => res.end();
const server = http.createServer(async (req, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, contentType: req.headers["content-type"], form: new URLSearchParams(body) });
  reply(res);
});
let apiUrl = "";

beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function answer(status: number, json: unknown) {
  reply = (res) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(json));
  };
}

const gateway = (timeoutMs = 2000) => new TwilioSmsGateway({ accountSid: "AC123", authToken: "secret-token", from: "+15005550006", apiUrl, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<Pick<SmsGatewayError, "code" | "details">> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SmsGatewayError);
  const { code, details } = error as SmsGatewayError;
  return { code, details };
}

describe("Twilio gateway", () => {
  it("posts To, From and Body form-encoded with basic auth to the Messages API and returns the SID", async () => {
    answer(201, { sid: "SM0123456789abcdef", status: "queued" });
    seen.length = 0;
    const result = await gateway().send({ to: "+33612345678", body: "Héllo €uro 👍" });
    expect(result).toEqual({ id: "SM0123456789abcdef" });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(request.authorization).toBe(`Basic ${Buffer.from("AC123:secret-token").toString("base64")}`);
    expect(request.contentType).toBe("application/x-www-form-urlencoded");
    expect(request.form.get("To")).toBe("+33612345678");
    expect(request.form.get("From")).toBe("+15005550006");
    expect(request.form.get("Body")).toBe("Héllo €uro 👍");
  });

  it("maps Twilio's error responses to codes a user can act on, keeping Twilio's own code and text", async () => {
    answer(400, { code: 21211, message: "The 'To' number +3361 is not a valid phone number.", status: 400 });
    expect(await failure(gateway().send({ to: "+3361", body: "x" }))).toEqual({
      code: "invalid-number",
      details: { httpStatus: 400, twilioCode: 21211, gatewayMessage: "The 'To' number +3361 is not a valid phone number." },
    });

    answer(401, { code: 20003, message: "Authenticate", status: 401 });
    expect((await failure(gateway().send({ to: "+33612345678", body: "x" }))).code).toBe("gateway-credentials");

    answer(400, { code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 });
    expect((await failure(gateway().send({ to: "+33612345678", body: "x" }))).code).toBe("unsubscribed");

    answer(400, { code: 99999, message: "Something new", status: 400 });
    expect(await failure(gateway().send({ to: "+33612345678", body: "x" }))).toEqual({
      code: "refused",
      details: { httpStatus: 400, twilioCode: 99999, gatewayMessage: "Something new" },
    });

    answer(503, { message: "Service Unavailable" });
    expect(await failure(gateway().send({ to: "+33612345678", body: "x" }))).toMatchObject({ code: "gateway-server-error", details: { httpStatus: 503 } });

    answer(429, { code: 20429, message: "Too Many Requests" });
    expect((await failure(gateway().send({ to: "+33612345678", body: "x" }))).code).toBe("rate-limited");

    reply = (res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html>Bad gateway</html>");
    };
    expect(await failure(gateway().send({ to: "+33612345678", body: "x" }))).toMatchObject({ code: "gateway-server-error", details: { httpStatus: 502 } });
  });

  it("gives up after its timeout and says how long it waited", async () => {
    reply = () => {}; // never answers
    expect(await failure(gateway(300).send({ to: "+33612345678", body: "x" }))).toEqual({ code: "timeout", details: { timeoutMs: 300 } });
  });

  it("says so when the gateway cannot be reached", async () => {
    const closed = new TwilioSmsGateway({ accountSid: "AC1", authToken: "t", from: "+15005550006", apiUrl: "http://127.0.0.1:1" });
    expect((await failure(closed.send({ to: "+33612345678", body: "x" }))).code).toBe("unreachable");
  });
});
