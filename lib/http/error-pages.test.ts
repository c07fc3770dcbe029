// The answers our server gives before Next.js (database down, too large, bad
// address) in the visitor's language; the API's JSON keeps English beside its code.
import { describe, expect, it } from "vitest";
import { errorAnswer, requestShape } from "./error-pages";

describe("the server's own error answers", () => {
  it("gives a French browser the outage page in French, with its language set", () => {
    const page = errorAnswer("unavailable", "page", {}, "fr");
    expect(page.status).toBe(503);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain("<h1>Momentanément indisponible</h1>");
    expect(page.body).toContain(">Réessayer</a>");
  });

  it("gives a server action the reason as one line in Chinese", () => {
    const action = errorAnswer("too-large", requestShape("/contacts", { "next-action": "abc" }), {}, "zh-CN");
    expect(action).toMatchObject({ status: 413, body: "请求过大：您发送的内容超出了此页面可接受的大小。请发送较小的文件或较短的文本。" });
  });

  it("keeps the API's JSON in English whatever the visitor reads", () => {
    const json = errorAnswer("too-large", requestShape("/api/v1/holds", {}), { limitBytes: 1024 }, "fr");
    expect(JSON.parse(json.body)).toEqual({ error: "body-too-large", message: "What you sent is larger than this page accepts. Send a smaller file or a shorter text.", limitBytes: 1024 });
  });
});
