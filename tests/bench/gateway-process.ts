// The benchmark's SMS gateway in a process of its own, so its event loop and
// the app's do not slow each other down: a local Twilio-speaking server
// (tests/support/twilio-server.ts) with the latency and rate limit given,
// printing its URL as one JSON line. GET /__stats answers what it received.
// Usage: tsx tests/bench/gateway-process.ts <latencyMs> <ratePerSecond> <burst>
import { startTwilioServer } from "@/tests/support/twilio-server";

const [latencyMs, ratePerSecond, burst] = process.argv.slice(2).map(Number);
const server = await startTwilioServer({ latencyMs, ratePerSecond, burst });
console.log(JSON.stringify({ url: server.url }));
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
