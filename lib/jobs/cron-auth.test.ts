import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { authorizeCron } from "./cron-auth";

const saved = process.env.CRON_SECRET;
afterEach(() => {
  if (saved === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = saved;
  reloadEnv();
});

function withSecret(secret: string | undefined) {
  if (secret === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = secret;
  reloadEnv();
}

const request = (authorization?: string) => new Request("http://localhost/api/cron/x", { headers: authorization ? { authorization } : {} });

describe("cron authorization", () => {
  it("accepts only the exact bearer secret", () => {
    withSecret("abc123");
    expect(authorizeCron(request("Bearer abc123"))).toEqual({ ok: true });
    expect(authorizeCron(request("bearer abc123"))).toEqual({ ok: true });
    for (const header of [undefined, "Bearer", "Bearer abc12", "Bearer abc1234", "abc123", "Basic abc123"]) {
      expect(authorizeCron(request(header))).toMatchObject({ ok: false, status: 401 });
    }
  });

  it("refuses to run at all without CRON_SECRET, and says to set it", () => {
    withSecret(undefined);
    const result = authorizeCron(request("Bearer "));
    expect(result).toMatchObject({ ok: false, status: 503 });
    expect(!result.ok && result.error).toMatch(/set CRON_SECRET/);
  });
});
