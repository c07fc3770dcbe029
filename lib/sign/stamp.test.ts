import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText, samplePdf } from "@/tests/support/pdf";
import { pdfSafe, stampSignedPdf, type StampSigner } from "./stamp";

const signer = (overrides: Partial<StampSigner>): StampSigner => ({
  name: "Marie Dupont",
  email: "marie@example.com",
  signedAt: new Date("2026-11-21T10:00:00Z"),
  ip: "203.0.113.7",
  signatureKind: "TYPED",
  signatureText: "Marie Dupont",
  signaturePng: null,
  requireVerification: false,
  verifiedProvider: null,
  verifiedIssuer: null,
  verifiedSubject: null,
  verifiedName: null,
  verifiedBirthdate: null,
  verifiedAt: null,
  nameMismatch: false,
  ...overrides,
});

// Subsetting and embedding Noto Sans SC is real work: well under a second on
// an idle machine, but past the unit default of 5 s on a loaded one.
describe("stampSignedPdf", { timeout: 30_000 }, () => {
  it("prints Chinese and Latin-extended names on the audit page, not question marks", async () => {
    expect(pdfSafe("Zoë Ødegård 李雷"), "the standard fonts alone could not").toBe("Zoë Ødegård ??");
    const signed = await stampSignedPdf(await samplePdf(), {
      locale: "en",
      requestId: 1,
      title: "Contrat — 合同",
      fileName: "contract.pdf",
      companyName: "Demo",
      requesterName: "Admin",
      originalSha256: "0".repeat(64),
      completedAt: new Date("2026-11-21T10:05:00Z"),
      signers: [signer({ name: "李雷", signatureText: "李雷" }), signer({ name: "Zoë Ødegård" })],
    });
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(2);
    const audit = await auditPageText(signed);
    expect(audit).toContain("Signer 1: 李雷");
    expect(audit).toContain("Signer 2: Zoë Ødegård");
    expect(audit).toContain("Contrat — 合同");
    expect(audit).not.toContain("??");
  });

  it("writes a Chinese audit page that reads back in Chinese", async () => {
    const signed = await stampSignedPdf(await samplePdf(), {
      locale: "zh-CN",
      requestId: 4,
      title: "服务合同",
      fileName: "contract.pdf",
      companyName: "演示公司",
      requesterName: "王芳",
      originalSha256: "b".repeat(64),
      completedAt: new Date("2026-11-21T10:05:00Z"),
      signers: [signer({ name: "张伟", signatureText: "张伟" })],
    });
    const audit = await auditPageText(signed);
    expect(audit).toContain("签名审计记录");
    expect(audit).toContain("张伟");
    expect(audit).toContain("服务合同");
    expect(audit).toContain("b".repeat(64));
    expect(audit).toContain("#4");
    expect(audit).not.toContain("?");
  });

  it("continues the audit trail on more pages when there are many signers", async () => {
    const signers = Array.from({ length: 12 }, (_, i) => signer({ name: `Signer ${i + 1}`, verifiedAt: new Date(), verifiedIssuer: "https://idp.example", verifiedSubject: "s".repeat(80), verifiedName: `Signer ${i + 1}`, verifiedProvider: "itsme" }));
    const signed = await stampSignedPdf(await samplePdf(), {
      locale: "en",
      requestId: 2,
      title: "Many",
      fileName: "many.pdf",
      companyName: "Demo",
      requesterName: "Admin",
      originalSha256: "f".repeat(64),
      completedAt: new Date(),
      signers,
    });
    expect((await PDFDocument.load(signed)).getPageCount()).toBeGreaterThan(2);
  });

  it("writes the audit page in the request's language", async () => {
    const input = {
      requestId: 3,
      title: "Contrat de service",
      fileName: "contrat.pdf",
      companyName: "Demo",
      requesterName: "Admin",
      originalSha256: "a".repeat(64),
      completedAt: new Date("2026-11-21T10:05:00Z"),
      signers: [signer({})],
    };
    const french = await auditPageText(await stampSignedPdf(await samplePdf(), { ...input, locale: "fr" }));
    expect(french).toContain("Piste d’audit des signatures");
    expect(french).toContain("Signataire 1 : Marie Dupont");
    expect(french).toContain("Non vérifiée (non exigée par le demandeur)");
    const english = await auditPageText(await stampSignedPdf(await samplePdf(), { ...input, locale: "en" }));
    expect(english).toContain("Signature audit trail");
    expect(english).toContain("Not verified (not required by the requester)");
  });
});

/** The text of the last page (the audit page), as a PDF reader extracts it. */
async function auditPageText(pdf: Uint8Array): Promise<string> {
  const pages = await pdfText(pdf);
  return pages[pages.length - 1].replace(/\u00a0/g, " ");
}
