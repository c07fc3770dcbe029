import { chromium } from "@playwright/test";
const base = "http://localhost:43123";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(base + "/login");
await page.getByLabel("E-mail").fill("admin@example.com");
await page.getByLabel("Password").fill("demo1234");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 60000 });
await page.setViewportSize({ width: 390, height: 844 });
for (const url of process.argv.slice(2)) {
  await page.goto(base + url);
  await page.waitForLoadState("networkidle").catch(() => null);
  const report = await page.evaluate((ALL) => {
    const out = [];
    const width = window.innerWidth;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0) {
        // skip if inside a scroll container that clips
        let p = el.parentElement, clipped = false;
        while (p && p !== document.body) { const s = getComputedStyle(p); if (/(auto|scroll|hidden|clip)/.test(s.overflowX) && p.getBoundingClientRect().right <= width + 1) { clipped = true; break; } p = p.parentElement; }
        if (!clipped || ALL) out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} w=${Math.round(r.width)}`);
      }
    }
    return { sw: document.documentElement.scrollWidth, out: out.slice(0, 12) };
  }, Boolean(process.env.ALL));
  console.log(url, report.sw, "\n  " + report.out.join("\n  "));
}
await browser.close();
