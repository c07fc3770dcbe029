import { describe, expect, it } from "vitest";
import { terminalLocale } from "./locale";

describe("the CLI's language", () => {
  it("follows the terminal's locale, LC_ALL first, then LC_MESSAGES, then LANG", () => {
    expect(terminalLocale({ LANG: "fr_FR.UTF-8" })).toBe("fr");
    expect(terminalLocale({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(terminalLocale({ LANG: "fr_CA" })).toBe("fr");
    expect(terminalLocale({ LC_ALL: "zh_CN.GB18030", LANG: "fr_FR.UTF-8" })).toBe("zh-CN");
    expect(terminalLocale({ LC_MESSAGES: "fr_BE.UTF-8@euro", LANG: "en_US.UTF-8" })).toBe("fr");
    expect(terminalLocale({ LC_ALL: "", LANG: "fr_FR.UTF-8" })).toBe("fr");
  });

  it("speaks English for a language it does not have, traditional Chinese, C or nothing", () => {
    expect(terminalLocale({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(terminalLocale({ LANG: "zh_TW.UTF-8" })).toBe("en");
    expect(terminalLocale({ LANG: "C.UTF-8" })).toBe("en");
    expect(terminalLocale({ LANG: "POSIX" })).toBe("en");
    expect(terminalLocale({})).toBe("en");
  });
});
