import { describe, expect, it } from "vitest";
import { anonymousBodyLimit, BODY_LIMIT_FILE, BODY_LIMIT_SMALL, BodyTooLargeError, checkDeclaredLength, readBodyWithin } from "./body-limit";

function streamOf(chunks: number[], onPull?: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (index < chunks.length) controller.enqueue(new Uint8Array(chunks[index++]).fill(97));
      else controller.close();
    },
  });
}

describe("anonymous body limits", () => {
  it("name each anonymous endpoint's limit, and none for signed-in pages or reads", () => {
    expect(anonymousBodyLimit("POST", "/s/abc")).toBe(BODY_LIMIT_FILE);
    expect(anonymousBodyLimit("POST", "/api/stripe/webhook")).toBe(BODY_LIMIT_FILE);
    expect(anonymousBodyLimit("POST", "/api/test-idp/token")).toBe(BODY_LIMIT_SMALL);
    expect(anonymousBodyLimit("POST", "/api/auth/callback/credentials")).toBe(BODY_LIMIT_SMALL);
    expect(anonymousBodyLimit("post", "/login")).toBe(BODY_LIMIT_SMALL);
    expect(anonymousBodyLimit("GET", "/s/abc")).toBeNull();
    expect(anonymousBodyLimit("POST", "/documents")).toBeNull();
    expect(anonymousBodyLimit("POST", "/sign/new")).toBeNull();
  });

  it("judge from Content-Length alone, and ask for one when the body is chunked", () => {
    expect(checkDeclaredLength({ "content-length": "100" }, 1000)).toBe("ok");
    expect(checkDeclaredLength({ "content-length": "1001" }, 1000)).toBe("too-large");
    expect(checkDeclaredLength({ "content-length": "1e9" }, 1000)).toBe("too-large");
    expect(checkDeclaredLength({ "content-length": "99999999999999999999" }, 1000)).toBe("too-large");
    expect(checkDeclaredLength({ "transfer-encoding": "chunked" }, 1000)).toBe("length-required");
    expect(checkDeclaredLength({}, 1000)).toBe("ok");
    expect(checkDeclaredLength(new Headers({ "content-length": "5000" }), 1000)).toBe("too-large");
  });
});

describe("readBodyWithin", () => {
  it("returns a body within the limit", async () => {
    const request = new Request("http://x/", { method: "POST", body: streamOf([300, 300]), duplex: "half" } as RequestInit);
    expect((await readBodyWithin(request, 1000)).byteLength).toBe(600);
  });

  it("stops reading as soon as the limit is passed, without a Content-Length", async () => {
    let pulls = 0;
    const request = new Request("http://x/", { method: "POST", body: streamOf(Array(100).fill(400), () => pulls++), duplex: "half" } as RequestInit);
    await expect(readBodyWithin(request, 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThan(10);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    let pulls = 0;
    const request = new Request("http://x/", { method: "POST", body: streamOf([10], () => pulls++), headers: { "content-length": "5000" }, duplex: "half" } as RequestInit);
    await expect(readBodyWithin(request, 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThanOrEqual(1);
  });
});
