// How a form reads an action's answer: the words for each failure code, and
// the values a refused form shows again.
import { describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/state";
import { actionMessage, readActionState } from "./action-feedback";

describe("actionMessage", () => {
  it("words the wrapper's codes so that each names the fix", () => {
    expect(actionMessage({ ok: false, code: "signed-out" })).toBe("Your session has ended. Sign in again.");
    expect(actionMessage({ ok: false, code: "forbidden" })).toBe("Only administrators can do this.");
    expect(actionMessage({ ok: false, code: "unexpected", errorId: "3fa9c2d1" })).toMatch(/error reference 3fa9c2d1\b/);
  });

  it("an action's own message wins; a success may have none", () => {
    expect(actionMessage({ ok: false, code: "refused", message: "This contact does not exist (any more)." })).toBe("This contact does not exist (any more).");
    expect(actionMessage({ ok: true, message: "Saved." })).toBe("Saved.");
    expect(actionMessage({ ok: true })).toBeNull();
    expect(actionMessage(null)).toBeNull();
  });

  it("invalid input: a form-level error first; else the highlighted fields, or the first field error where fields show none", () => {
    const invalid: ActionState = { ok: false, code: "invalid", fieldErrors: { body: ["Write a note first."] } };
    expect(actionMessage(invalid)).toBe("Check the highlighted fields.");
    expect(actionMessage(invalid, { fieldsShown: false })).toBe("Write a note first.");
    expect(actionMessage({ ...invalid, formErrors: ["Add your signature first."] }, { fieldsShown: false })).toBe("Add your signature first.");
  });
});

describe("readActionState", () => {
  it("after a refusal, fields show what was typed; before any answer, their defaults", () => {
    const refused = readActionState({ ok: false, code: "refused", message: "No.", values: { body: "Call back Monday", tags: ["a", "b"] }, fieldErrors: { body: ["Too rude."] } });
    expect(refused.value("body", "")).toBe("Call back Monday");
    expect(refused.values("tags")).toEqual(["a", "b"]);
    expect(refused.errors("body")).toEqual(["Too rude."]);
    expect(refused.errors("tags")).toBeUndefined();
    const fresh = readActionState(null);
    expect(fresh.value("body", "draft")).toBe("draft");
    expect(fresh.failed).toBe(false);
  });

  it("a checkbox left unticked in the refused form stays unticked (it sent nothing)", () => {
    const refused = readActionState({ ok: false, code: "invalid", values: { email: "x" } });
    expect(refused.checked("warnEnabled", true)).toBe(false);
    expect(readActionState({ ok: false, code: "invalid", values: { warnEnabled: "on" } }).checked("warnEnabled", false)).toBe(true);
    expect(readActionState(null).checked("warnEnabled", true)).toBe(true);
  });

  it("a success carries its data and keeps no values", () => {
    const done = readActionState({ ok: true, message: "Sent.", data: { batchKey: "b-1" }, values: undefined } as ActionState<{ batchKey: string }>);
    expect(done.data).toEqual({ batchKey: "b-1" });
    expect(done.value("body", "")).toBe("");
  });
});
