// A letter whose recipient and text are Chinese prints in Chinese: the PDF
// embeds a subset of Noto Sans SC, and its text reads back exactly (what a
// print shop's preflight and the recipient's screen reader see).
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { pdfText } from "@/tests/support/pdf";
import { samplePdf } from "@/tests/support/pdf";
import { prepareLetter, type ComposeInput } from "./compose";

// Subsetting Noto Sans SC (~10 MB a weight) takes a few seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

async function senderAndChineseContact(locale: "en" | "zh-CN") {
  const { company } = await createCompany({ country: "BE" });
  await prisma().company.update({ where: { id: company.id }, data: { street: "Rue de la Loi 16", city: "Brussels", zip: "1000", locale } });
  const contact = await prisma().contact.create({
    data: { companyId: company.id, name: "张伟", street: "朝阳区建国路88号", street2: "现代城5号楼1201室", city: "北京市", zip: "100022", country: "CN" },
  });
  return { company, contact };
}

/** The PDF of a black-and-white, one-sided letter to 张伟 from a company writing in `locale`; a refusal fails the test. */
async function letterToZhangWei(locale: "en" | "zh-CN", content: Pick<ComposeInput, "subject" | "body" | "document">) {
  const { company, contact } = await senderAndChineseContact(locale);
  const prepared = await prepareLetter({ companyId: company.id, contactId: contact.id, color: false, duplex: false, ...content });
  if (!prepared.ok) throw new Error(`Letter refused: ${prepared.problem.code}`);
  return prepared.pdf;
}

describe("a letter to a Chinese recipient", () => {
  it("prints the recipient's name and address in Chinese, read back exactly, in a small PDF", async () => {
    const pdf = await letterToZhangWei("en", { subject: "订单确认", body: "尊敬的张伟先生：\n您的订单已发货。" });
    const [first] = await pdfText(pdf);
    for (const text of ["张伟", "朝阳区建国路88号", "现代城5号楼1201室", "100022 北京市", "订单确认", "尊敬的张伟先生：", "您的订单已发货。", "CHINA"]) {
      expect(first).toContain(text);
    }
    // The sender's Latin lines print from the same (Chinese) font.
    expect(first).toContain("Rue de la Loi 16");
    // A subset: the whole Noto Sans SC weight is ~10 MB.
    console.info(`Chinese letter PDF: ${pdf.length} bytes`);
    expect(pdf.length).toBeLessThan(150_000);
  });

  it("words the cover page of an attached document in the sending company's language", async () => {
    const pdf = await letterToZhangWei("zh-CN", { subject: "发票", document: { name: "invoice-2026-001.pdf", bytes: await samplePdf() } });
    const [cover] = await pdfText(pdf);
    expect(cover).toContain("张伟");
    expect(cover).toContain("附件：invoice-2026-001.pdf（1 页）");
    expect(cover).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });
});
