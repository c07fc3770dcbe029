"use client";

import { startTransition, useEffect, useRef, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { FieldLabel } from "@/components/form";
import { CREDITS_PER_DOCUMENT, CREDITS_PER_EINVOICE, formatBytes, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD, MAX_PAGES } from "@/lib/digitization/limits";
import { uploadDocumentsAction } from "../actions";

export function UploadForm() {
  const t = useTranslations("documents");
  const locale = useLocale();
  const form = useActionForm(uploadDocumentsAction);
  const { state } = form;
  const fileErrors = form.errors("files") ?? form.errors("kind");
  const duplicates = form.errors("duplicates");
  const formRef = useRef<HTMLFormElement>(null);
  // The last submission, to send again as it was with "Digitize again".
  const last = useRef<FormData | null>(null);

  // Submitted by hand rather than through <form action>: React resets a form
  // after its action, which would drop the chosen files when the upload is
  // refused or waits for "Digitize again". Cleared once the files are uploaded.
  function send(data: FormData) {
    last.current = data;
    startTransition(() => form.action(data));
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(new FormData(event.currentTarget));
  }
  useEffect(() => {
    if (!state?.ok) return;
    last.current = null;
    formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-xs">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <FieldLabel htmlFor="upload-files">{t("upload.files")}</FieldLabel>
          <input
            id="upload-files"
            name="files"
            type="file"
            multiple
            accept="application/pdf,image/png,image/jpeg,application/xml,text/xml,.pdf,.png,.jpg,.jpeg,.xml"
            aria-invalid={fileErrors ? true : undefined}
            aria-describedby={fileErrors ? "upload-hint upload-price upload-errors" : "upload-hint upload-price"}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-brand-700 hover:file:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40"
          />
          <p id="upload-hint" className="mt-1 text-xs text-gray-600">
            {t("upload.hint", { files: MAX_FILES_PER_UPLOAD, size: formatBytes(MAX_FILE_BYTES, locale), pages: MAX_PAGES })}
          </p>
          <p id="upload-price" className="mt-1 text-xs text-gray-700">
            {t.rich("upload.price", {
              perDocument: CREDITS_PER_DOCUMENT,
              perEinvoice: CREDITS_PER_EINVOICE,
              label: (chunks) => <span className="font-medium">{chunks}</span>,
              free: (chunks) => <span className="font-medium text-green-800">{chunks}</span>,
            })}
          </p>
        </div>
        <div className="shrink-0">
          <FieldLabel htmlFor="upload-kind">{t("upload.kind")}</FieldLabel>
          <select
            id="upload-kind"
            name="kind"
            defaultValue={form.value("kind", "VENDOR_BILL")}
            className="mt-1 block rounded-md border border-gray-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          >
            <option value="VENDOR_BILL">{t("kinds.VENDOR_BILL")}</option>
            <option value="EXPENSE_RECEIPT">{t("kinds.EXPENSE_RECEIPT")}</option>
          </select>
        </div>
        <Button type="submit" pending={form.pending} pendingLabel={t("upload.pending")} className="shrink-0 sm:mt-6">
          {t("upload.submit")}
        </Button>
      </div>
      {state && !form.pending && (
        <div role={state.ok ? "status" : "alert"} className="text-sm">
          <p className={state.ok ? "text-green-800" : "font-medium text-red-700"}>{actionMessage(state)}</p>
          {fileErrors && (
            <ul id="upload-errors" className="mt-1 list-disc space-y-0.5 pl-5 text-red-700">
              {fileErrors.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          {duplicates && (
            <div className="mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
              <ul className="list-disc space-y-0.5 pl-5">
                {duplicates.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p>{t("upload.againQuestion")}</p>
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  onClick={() => {
                    const again = last.current;
                    if (!again) return;
                    again.set("confirmDuplicates", "1");
                    send(again);
                  }}
                >
                  {t("upload.again")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => formRef.current?.reset()}>
                  {t("upload.chooseOther")}
                </Button>
              </div>
            </div>
          )}
        </div>
      )}
    </form>
  );
}
