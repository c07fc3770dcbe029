import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { TextLink } from "@/components/text-link";
import { requireUser } from "@/lib/auth/session";
import { addressProblemText, type AddressField } from "@/lib/snailmail/address";
import { checkContactAddress } from "@/lib/snailmail/compose";
import { listLetters } from "@/lib/snailmail/letters";
import { postalProvider } from "@/lib/snailmail/providers";
import { addressLines } from "@/lib/snailmail/render";
import { LetterError, LetterStateBadge } from "../../../letters/_components/letter-state-badge";
import { ComposeForm } from "./_components/compose-form";
import { contactPath, letterPdfPath } from "@/lib/routes";
import { parseId } from "@/lib/http/params";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("letters", "sendByPost");

/** lib/snailmail gives a letter's price as an English figure ("1,234.5"): the same exact number in the reader's format. */
function localeFigure(figure: string, locale: string): string {
  const plain = figure.replace(/,/g, "");
  const decimals = plain.includes(".") ? plain.length - plain.indexOf(".") - 1 : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(plain as unknown as number);
}

export default async function SendByPostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/contacts/${id}/post`);
  const contactId = parseId(id);
  if (contactId === null) notFound();
  const found = await checkContactAddress(user.companyId, contactId);
  if (!found) notFound();
  const { contact, check, senderCountry } = found;
  const letters = await listLetters(user.companyId, { contactId });
  const provider = postalProvider();
  const [t, letters_, contacts, locale] = await Promise.all([getTranslations("letters.post"), getTranslations("letters"), getTranslations("contacts"), getLocale()]);
  const field = (name: AddressField) => letters_(`field.${name}`);

  return (
    <>
      <PageHeader crumbs={[{ label: contacts("contact.crumb"), href: "/contacts" }, { label: contact.name, href: contactPath(contact.id) }, { label: letters_("sendByPost") }]} />
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="compose-heading" className="space-y-4">
          <h2 id="compose-heading" className="sr-only">
            {t("compose")}
          </h2>
          {!provider.posts && (
            <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">{letters_("list.testPostOffice")}</p>
          )}
          {!check.ok && (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
              <p className="font-medium">{t("incomplete")}</p>
              <ul className="mt-1 list-inside list-disc">
                {check.missing.map((f) => (
                  <li key={f}>{t("fieldMissing", { field: field(f) })}</li>
                ))}
                {Object.entries(check.invalid).map(([name, problem]) => (
                  <li key={name}>{t("fieldInvalid", { field: field(name as AddressField), message: addressProblemText(letters_, problem, locale) })}</li>
                ))}
              </ul>
              <p className="mt-2">
                <Link href={contactPath(contact.id)} className="font-medium underline">
                  {t("editAddress")}
                </Link>
              </p>
            </div>
          )}
          <ComposeForm contactId={contact.id} />
        </section>

        <aside className="space-y-6">
          <Section look="card" title={t("recipient")}>
            {check.ok ? (
              <address className="text-sm not-italic leading-6 text-gray-800">
                {addressLines(check.address, senderCountry).map((line, index) => (
                  <span key={index} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : (
              <p className="text-sm text-gray-600">{t("completeFirst")}</p>
            )}
            <p className="text-xs text-gray-600">{t("window")}</p>
          </Section>

          <Section look="card" title={t("lettersTo", { name: contact.name })}>
            {letters.length === 0 ? (
              <p className="text-sm text-gray-600">{t("none")}</p>
            ) : (
              <ul className="divide-y divide-gray-100">
                {letters.map((letter) => (
                  <li key={letter.id} className="py-2 text-sm">
                    <div className="flex items-center justify-between gap-2">
                      <span className="truncate font-medium text-gray-900">{letter.subject}</span>
                      <LetterStateBadge state={letter.state} />
                    </div>
                    <div className="mt-0.5 flex items-center justify-between gap-2 text-xs text-gray-600">
                      <span>
                        #{letter.id} · <DateTime value={letter.createdAt} /> · {t("credits", { credits: localeFigure(letter.credits, locale), count: Number(letter.credits.replace(/,/g, "")) })}
                      </span>
                      <a href={letterPdfPath(letter.id)} className="text-link">
                        {/* i18n-ignore: the file format's name, the same in every language */}
                        PDF<span className="sr-only">{letters_("list.pdfSr", { id: letter.id })}</span>
                      </a>
                    </div>
                    <LetterError code={letter.errorCode} message={letter.errorMessage} />
                  </li>
                ))}
              </ul>
            )}
            <p className="text-sm">
              <TextLink href="/letters">{t("allLetters")}</TextLink>
            </p>
          </Section>
        </aside>
      </div>
    </>
  );
}
