import { describe, expect, it } from "vitest";
import { missingSessionSecret, parseEnv } from "./env";

describe("configuration", () => {
  it("uses the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ SMTP_URL: "mail.example.com" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => parseEnv({ SMTP_URL: "smtp://" })).toThrow(/SMTP_URL: names no server/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com:notaport" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM: must be one sender address/);
    expect(parseEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "IAP <no-reply@example.com>" }).SMTP_URL).toBe(
      "smtps://u:p@mail.example.com:465",
    );
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: "AC1" })).toThrow(/TWILIO_AUTH_TOKEN/);
    expect(() => parseEnv({ SNAILMAIL_PROVIDER: "pingen", PINGEN_CLIENT_ID: "id" })).toThrow(/PINGEN_ORGANISATION_ID/);
    expect(() => parseEnv({ SNAILMAIL_PROVIDER: "clicksend" })).toThrow(/SNAILMAIL_PROVIDER/);
    expect(parseEnv({}).SNAILMAIL_PROVIDER).toBe("test");
  });

  it("takes an identity provider as all three variables, https unless on loopback", () => {
    expect(parseEnv({}).IDENTITY_ISSUER_URL).toBeUndefined();
    expect(() => parseEnv({ IDENTITY_ISSUER_URL: "https://idp.example.com" })).toThrow(/IDENTITY_CLIENT_ID, IDENTITY_CLIENT_SECRET: set all three/);
    const full = { IDENTITY_CLIENT_ID: "client", IDENTITY_CLIENT_SECRET: "secret" };
    expect(() => parseEnv({ ...full, IDENTITY_ISSUER_URL: "http://idp.example.com" })).toThrow(/IDENTITY_ISSUER_URL: must be https/);
    expect(() => parseEnv({ ...full, IDENTITY_ISSUER_URL: "idp.example.com" })).toThrow(/IDENTITY_ISSUER_URL/);
    expect(parseEnv({ ...full, IDENTITY_ISSUER_URL: "http://127.0.0.1:4000/idp" }).IDENTITY_ISSUER_URL).toBe("http://127.0.0.1:4000/idp");
    expect(parseEnv({ ...full, IDENTITY_ISSUER_URL: "https://idp.prd.itsme.services/v2" }).IDENTITY_CLIENT_ID).toBe("client");
  });

  it("demo mode is off unless DEMO says so; SIGNUP defaults to the first company only", () => {
    expect(parseEnv({}).DEMO).toBe(false);
    expect(parseEnv({ NODE_ENV: "production" }).DEMO).toBe(false);
    expect(parseEnv({ DEMO: "1" }).DEMO).toBe(true);
    expect(parseEnv({ DEMO: "true" }).DEMO).toBe(true);
    expect(parseEnv({ DEMO: "0" }).DEMO).toBe(false);
    expect(parseEnv({ DEMO: "" }).DEMO).toBe(false);
    expect(() => parseEnv({ DEMO: "maybe" })).toThrow(/DEMO: must be 1 \(on\) or 0 \(off\)/);
    expect(parseEnv({}).SIGNUP).toBe("first");
    expect(parseEnv({ SIGNUP: "open" }).SIGNUP).toBe("open");
    expect(() => parseEnv({ SIGNUP: "everyone" })).toThrow(/SIGNUP: use "open"/);
  });

  it("outside demo mode NEXTAUTH_SECRET is required, and the refusal names it", () => {
    expect(missingSessionSecret(parseEnv({}))).toMatch(/^NEXTAUTH_SECRET is not set\./);
    expect(missingSessionSecret(parseEnv({ NEXTAUTH_SECRET: "s3cret" }))).toBeNull();
    expect(missingSessionSecret(parseEnv({ DEMO: "1" }))).toBeNull();
  });
});
