import { describe, expect, it } from "vitest";
import { replyKeyword } from "./opt-out";

describe("opt-out keywords", () => {
  it("reads STOP-style replies in English, French and Chinese, whatever the case, accents or final punctuation", () => {
    for (const body of ["STOP", "stop", " Stop. ", "STOPALL", "unsubscribe", "Cancel", "END", "quit!", "ARRET", "Arrêt", "ARRÊT", "stop sms", "STOP  SMS", "退订", "TD", "td"]) {
      expect(replyKeyword(body)?.action, body).toBe("opt-out");
    }
  });

  it("reads START, UNSTOP and YES as opting in again", () => {
    for (const body of ["START", "start", "Unstop", "YES", "yes."]) expect(replyKeyword(body)?.action, body).toBe("opt-in");
  });

  it("ignores ordinary replies, even ones that contain a keyword", () => {
    for (const body of ["Thanks!", "Please stop by tomorrow", "stopper", "", "OK"]) expect(replyKeyword(body), body).toBeNull();
  });
});
