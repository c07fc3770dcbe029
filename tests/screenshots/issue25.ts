// Screenshots of the public API's pages for docs/screenshots/ (issue #25):
// API keys (a key shown once, then listed), Webhooks (an endpoint, its
// deliveries with their attempts) and the developer documentation.
// Usage: against `npm start` (or dev) with the demo data and
//   WEBHOOK_ALLOW_PRIVATE_URLS=1 WEBHOOK_RETRY_SCHEDULE=3,3,3 JOBS_INTERVAL_SECONDS=2
//   BASE_URL=http://localhost:3471 npx tsx tests/screenshots/issue25.ts
// It starts its own webhook receiver on loopback, which fails twice, then accepts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "@playwright/test";
import { signIn } from "./support";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = (name: string) => `docs/screenshots/issue25-${name}.png`;

let calls = 0;
const receiver = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    calls++;
    if (calls <= 2) response.writeHead(503, { "Content-Type": "text/plain" }).end("Service Unavailable: deploy in progress");
    else response.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/iap`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(120_000);
page.setDefaultNavigationTimeout(120_000);
async function api(path: string, key: string, body?: unknown) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method: body ? "POST" : "GET",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}
try {
  await signIn(page, base);

  await page.goto(`${base}/settings/api-keys`);
  await page.getByLabel("Name").fill("Web shop");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByLabel("API key, shown once").textContent())!;
  await page.screenshot({ path: out("1-api-key-shown-once"), fullPage: true });

  await page.goto(`${base}/settings/webhooks`);
  await page.getByLabel("Endpoint URL").fill(receiverUrl);
  await page.getByLabel("Description").fill("Order system");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByLabel("Signing secret").waitFor();
  await page.screenshot({ path: out("2-webhook-added"), fullPage: true });

  console.log("charge:", JSON.stringify(await api("/accounts/sms/charges", key, { amount: "0.50", description: "Order #1042 confirmation SMS", reference: "order-1042" })));
  console.log("hold:", JSON.stringify(await api("/holds", key, { service: "sms", amount: "1.20", description: "Shipping notice", reference: "order-1043", expires_in: 1 })));

  await page.goto(`${base}/settings/api-keys`);
  await page.getByRole("row", { name: /Web shop/ }).waitFor();
  await page.screenshot({ path: out("3-api-keys-list"), fullPage: true });

  await page.goto(`${base}/settings/webhooks`);
  await page.getByRole("link", { name: receiverUrl }).click();
  // The hold expires within the scheduler's next runs; the receiver refuses twice, then accepts.
  for (let i = 0; i < 60 && calls < 3; i++) await new Promise((resolve) => setTimeout(resolve, 1000));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await page.reload();
  await page.getByText("Delivered").first().waitFor();
  await page.locator("details").first().evaluate((element) => ((element as HTMLDetailsElement).open = true));
  await page.screenshot({ path: out("4-webhook-attempts"), fullPage: true });

  await page.goto(`${base}/developers/api`);
  await page.screenshot({ path: out("5-developer-docs") });
  await page.goto(`${base}/developers/api#createCharge`);
  await page.screenshot({ path: out("6-developer-docs-charge") });
  await page.goto(`${base}/developers/api#webhooks`);
  await page.screenshot({ path: out("7-developer-docs-webhooks") });
} finally {
  await browser.close();
  receiver.close();
}
