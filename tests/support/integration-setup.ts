// Runs before every integration test file: refuse anything but a local
// throw-away database, because integration tests write freely.
import { afterAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error("Integration tests need DATABASE_URL: run them through `npm test` or `npm run test:integration`, which start a throw-away PostgreSQL.");
}
const { hostname, pathname } = new URL(url);
if (!["127.0.0.1", "localhost", "::1"].includes(hostname) || !pathname.includes("test")) {
  throw new Error(`Refusing to run integration tests against ${hostname}${pathname}: only a local database whose name contains "test".`);
}

afterAll(async () => {
  await disconnectDb();
});
