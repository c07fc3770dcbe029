import { describe, expect, it } from "vitest";
import { describeSmtpError, smtpTarget } from "./transport";

describe("SMTP errors an operator can act on", () => {
  const target = smtpTarget("smtp://user:secret@mail.example.com:587");

  it("never shows the password of SMTP_URL", () => {
    expect(target).toBe("smtp://mail.example.com:587");
  });

  it("names the server and what to check", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:587"), { code: "ESOCKET" });
    expect(describeSmtpError(refused, target)).toBe("Cannot connect to the SMTP server smtp://mail.example.com:587 (SMTP_URL): connection refused");
    const login = Object.assign(new Error("Invalid login"), { code: "EAUTH", response: "535 5.7.8 Authentication failed" });
    expect(describeSmtpError(login, target)).toMatch(/refused the login: check the user and password in SMTP_URL \(535 5\.7\.8/);
    const tls = Object.assign(new Error("wrong version number"), { code: "ETLS" });
    expect(describeSmtpError(tls, target)).toMatch(/smtps:\/\/ is for implicit TLS/);
  });
});
