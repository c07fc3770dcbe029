// What a reader sees when an SMS is refused before anything is held: lib/sms
// returns the code, the action words it in the reader's language (English as before).
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { checkMessage, type SmsRefusal } from "@/lib/sms/message";
import { smsRefusalText } from "./sms-refusals";

const say = (locale: Locale, refusal: SmsRefusal) => smsRefusalText(translatorFor(locale, "sms"), refusal);

function problemOf(body: string): SmsRefusal {
  const checked = checkMessage(body);
  if (checked.ok) throw new Error("expected a refusal");
  return checked.problem;
}

describe("SMS refusals in the reader's language", () => {
  it("checks the message by code: empty, or more parts than allowed", () => {
    expect(problemOf("  \n ")).toEqual({ code: "empty" });
    expect(problemOf("a".repeat(1531))).toEqual({ code: "tooLong", params: { parts: 11, max: 10 } });
    expect(checkMessage("Hi").ok).toBe(true);
  });

  it("words each refusal in English as before, in French and in Chinese", () => {
    const cases: [SmsRefusal, string, string, string][] = [
      [{ code: "empty" }, "Write a message before sending.", "Rédigez un message avant de l'envoyer.", "请先编写消息再发送。"],
      [
        { code: "tooLong", params: { parts: 11, max: 10 } },
        "This message needs 11 SMS; shorten it to 10 SMS or fewer.",
        "Ce message nécessite 11 SMS\u00a0; raccourcissez-le à 10 SMS au plus.",
        "此消息需要 11 条短信；请缩短至不超过 10 条短信。",
      ],
      [{ code: "contactGone" }, "This contact does not exist (any more).", "Ce contact n'existe pas (ou plus).", "该联系人不存在（或已被删除）。"],
      [
        { code: "invalidNumber" },
        "Invalid number: set the contact's country or enter the number with its country code",
        "Numéro invalide\u00a0: indiquez le pays du contact ou saisissez le numéro avec son indicatif pays",
        "号码无效：请设置联系人的国家/地区，或输入带国家代码的号码",
      ],
      [{ code: "noValidNumber" }, "None of the selected contacts has a valid number.", "Aucun des contacts sélectionnés n'a de numéro valide.", "所选联系人均没有有效号码。"],
    ];
    for (const [refusal, en, fr, zh] of cases) {
      expect(say("en", refusal)).toBe(en);
      expect(say("fr", refusal)).toBe(fr);
      expect(say("zh-CN", refusal)).toBe(zh);
    }
  });
});
