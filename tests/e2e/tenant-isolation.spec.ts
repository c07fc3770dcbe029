// Two companies on one server (SIGNUP=open), both created through the UI.
// Company B's administrator, knowing company A's record ids, gets 404 on every
// one of A's pages and files — not 403, not the record — and B's actions
// called with A's ids change nothing of A's.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { samplePdf } from "@/tests/support/pdf";
import { newPage, setUpCompany, useOwnServer } from "./own-server";

const server = useOwnServer("tenants", { DEMO: "0", SIGNUP: "open" });

const A = { name: "Alpha Trading BV", admin: "Anna Alpha", email: "anna@alpha.example", password: "alpha-password-1" };
const B = { name: "Beta Services SRL", admin: "Bruno Beta", email: "bruno@beta.example", password: "beta-password-1" };

async function one<T>(db: pg.Pool, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row for ${sql}, got ${rows.length}`);
  return rows[0] as T;
}

/** Sets a hidden input of the form holding `button` to another value, as a crafted request would, then presses the button. */
async function submitWith(page: Page, button: ReturnType<Page["getByRole"]>, values: Record<string, string>) {
  await button.evaluate((element, entries) => {
    const form = (element as HTMLButtonElement).form!;
    for (const [name, value] of Object.entries(entries)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
  }, values);
  await button.click();
}

test("company B gets 404 on company A's records, and B's actions with A's ids change nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const db = new pg.Pool({ connectionString: server().database.url, max: 2 });
  try {
    const a = await newPage(browser, server());
    const ids = await test.step("company A: set up, then a contact, a letter, a document and a signature request through the UI", async () => {
      await a.goto("/");
      await setUpCompany(a, A);

      await a.goto("/contacts/new");
      await a.getByLabel("Name").fill("Alpha Supplier");
      await a.getByLabel("E-mail").fill("supplier@alpha.example");
      await a.getByLabel("Country").selectOption("BE");
      await a.getByLabel("Street").fill("Rue Neuve 1");
      await a.getByLabel("ZIP").fill("1000");
      await a.getByLabel("City").fill("Bruxelles");
      await a.getByRole("button", { name: "Save" }).click();
      await expect(a.getByRole("heading", { name: "Alpha Supplier" })).toBeVisible();
      const contactId = Number(/\/contacts\/(\d+)/.exec(a.url())![1]);

      await a.goto(`/contacts/${contactId}/post`);
      await a.getByLabel("Subject").fill("Alpha invoice 42");
      await a.getByLabel("Letter text").fill("Dear supplier,\n\nOur invoice.\n\nAlpha");
      await a.getByRole("button", { name: "Send", exact: true }).click();
      await expect(a.getByRole("status")).toContainText("is In Queue");

      const pdf = Buffer.from(await samplePdf());
      await a.goto("/documents");
      await a.getByLabel("Files").setInputFiles({ name: "alpha-bill.pdf", mimeType: "application/pdf", buffer: pdf });
      await a.getByRole("button", { name: "Upload" }).click();
      // By role: below 640 px the list is also drawn as cards (hidden here), so the name is on the page twice.
      await expect(a.getByRole("link", { name: "alpha-bill.pdf" })).toBeVisible();

      await a.goto("/sign/new");
      await a.getByLabel("Title").fill("Alpha lease");
      await a.getByLabel("PDF document").setInputFiles({ name: "lease.pdf", mimeType: "application/pdf", buffer: pdf });
      const signer = a.getByRole("group", { name: "Signer 1" });
      await expect(signer.getByLabel("Require identity verification")).toBeDisabled();
      await signer.getByLabel("Name").fill("Sam Signer");
      await signer.getByLabel("E-mail").fill("sam@alpha.example");
      await a.getByRole("button", { name: "Send" }).click();
      // Honest states (#18): "Sent" only once the e-mail left; until then "Waiting to be sent" (with the outbox's reason).
      await expect(a.getByLabel("Status of Sam Signer")).toContainText(/^(Sent|Waiting to be sent)/);

      await a.goto("/iap/buy/sms"); // opens A's SMS account, as a first use does

      const companyId = (await one<{ id: number }>(db, "SELECT id FROM company WHERE name = $1", [A.name])).id;
      return {
        companyId,
        contactId,
        adminId: (await one<{ id: number }>(db, "SELECT id FROM app_user WHERE email = $1", [A.email])).id,
        letterId: (await one<{ id: number }>(db, "SELECT id FROM letter WHERE company_id = $1", [companyId])).id,
        documentId: (await one<{ id: number }>(db, "SELECT id FROM document WHERE company_id = $1", [companyId])).id,
        requestId: (await one<{ id: number }>(db, "SELECT id FROM signature_request WHERE company_id = $1", [companyId])).id,
        emailId: (await one<{ id: number }>(db, "SELECT id FROM outgoing_email WHERE company_id = $1", [companyId])).id,
        accountId: (
          await one<{ id: number }>(db, "SELECT a.id FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'sms'", [companyId])
        ).id,
      };
    });

    const b = await newPage(browser, server());
    await test.step("company B is created from the sign-in page's “Create a company”", async () => {
      await b.goto("/login");
      await b.getByRole("link", { name: "Create a company" }).click();
      await expect(b.getByRole("heading", { name: "Create a company" })).toBeVisible();
      await setUpCompany(b, B);
      await expect(b.getByRole("heading", { name: "Contacts" })).toBeVisible();
      await expect(b.getByText("Alpha Supplier")).toHaveCount(0);
    });

    await test.step("every one of A's record URLs answers 404 to B, without a word of the record", async () => {
      const urls = [
        `/settings/iap/${ids.accountId}`,
        `/contacts/${ids.contactId}`,
        `/contacts/${ids.contactId}/post`,
        `/documents/${ids.documentId}`,
        `/api/documents/${ids.documentId}/preview`,
        `/letters/${ids.letterId}/pdf`,
        `/sign/${ids.requestId}`,
        `/sign/${ids.requestId}/document/original`,
        `/settings/outbox/${ids.emailId}`,
      ];
      for (const url of urls) {
        const response = await b.goto(url);
        expect(response?.status(), url).toBe(404);
        const body = await response!.text();
        for (const secret of ["Alpha Supplier", "Alpha invoice 42", "alpha-bill.pdf", "Alpha lease", "sam@alpha.example", "%PDF-"]) {
          expect(body, `${url} shows ${secret}`).not.toContain(secret);
        }
      }
    });

    await test.step("B's forms posted with A's ids change nothing of A's", async () => {
      // B's own contact, then its Save and Log note pointed at A's contact.
      await b.goto("/contacts/new");
      await b.getByLabel("Name").fill("Beta Client");
      await b.getByRole("button", { name: "Save" }).click();
      await expect(b.getByRole("heading", { name: "Beta Client" })).toBeVisible();
      await b.getByLabel("Name").fill("Hijacked by B");
      await submitWith(b, b.getByRole("button", { name: "Save" }), { id: String(ids.contactId) });
      await expect(b.getByText("This contact does not exist (any more).")).toBeVisible();
      await b.getByLabel("Note").fill("Note from B");
      await submitWith(b, b.getByRole("button", { name: "Log note" }), { contactId: String(ids.contactId) });
      await expect(b.getByText("This contact does not exist (any more).").last()).toBeVisible();

      // B's Users page: the role and deactivate buttons of B's invitee, pointed at A's administrator.
      await b.goto("/settings/users");
      await b.getByLabel("E-mail").fill("newcomer@beta.example");
      await b.getByLabel("Name").fill("Nina Newcomer");
      await b.getByRole("button", { name: "Send invitation" }).click();
      await expect(b.getByRole("status")).toContainText("Invitation sent to newcomer@beta.example.");
      const row = b.getByRole("row", { name: "Nina Newcomer" });
      await submitWith(b, row.getByRole("button", { name: "Make administrator: Nina Newcomer" }), { userId: String(ids.adminId), role: "USER" });
      await expect(row.getByText("This user is not one of your company's users")).toBeVisible();
      await submitWith(b, row.getByRole("button", { name: "Deactivate Nina Newcomer" }), { userId: String(ids.adminId) });
      await expect(row.getByText("This user is not one of your company's users").last()).toBeVisible();

      expect(await one(db, "SELECT name, email FROM contact WHERE id = $1", [ids.contactId])).toEqual({ name: "Alpha Supplier", email: "supplier@alpha.example" });
      expect(await one(db, "SELECT count(*)::int AS n FROM chatter_message WHERE contact_id = $1 AND body = 'Note from B'", [ids.contactId])).toEqual({ n: 0 });
      expect(await one(db, "SELECT role, status FROM app_user WHERE id = $1", [ids.adminId])).toEqual({ role: "ADMIN", status: "ACTIVE" });
      // And A still sees its own records.
      await a.goto(`/contacts/${ids.contactId}`);
      await expect(a.getByRole("heading", { name: "Alpha Supplier" })).toBeVisible();
    });
  } finally {
    await db.end();
  }
});
