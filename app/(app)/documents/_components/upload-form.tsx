"use client";

import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { CREDITS_PER_DOCUMENT, CREDITS_PER_EINVOICE, formatBytes, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD, MAX_PAGES } from "@/lib/digitization/limits";
import { uploadDocumentsAction } from "../actions";

export function UploadForm() {
  const form = useActionForm(uploadDocumentsAction);
  const { state } = form;
  const fileErrors = form.errors("files") ?? form.errors("kind");
  return (
    <form action={form.action} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-xs">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="min-w-0 flex-1">
        <label htmlFor="upload-files" className="block text-sm font-medium text-gray-800">
          Files
        </label>
        <input
          id="upload-files"
          name="files"
          type="file"
          multiple
          required
          accept="application/pdf,image/png,image/jpeg,application/xml,text/xml,.pdf,.png,.jpg,.jpeg,.xml"
          aria-invalid={fileErrors ? true : undefined}
          aria-describedby={fileErrors ? "upload-hint upload-price upload-errors" : "upload-hint upload-price"}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-brand-700 hover:file:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40"
        />
        <p id="upload-hint" className="mt-1 text-xs text-gray-500">
          PDF, PNG, JPEG or XML e-invoice · up to {MAX_FILES_PER_UPLOAD} files, {formatBytes(MAX_FILE_BYTES)} and {MAX_PAGES} pages each
        </p>
        <p id="upload-price" className="mt-1 text-xs text-gray-700">
          <span className="font-medium">Price:</span> {CREDITS_PER_DOCUMENT} credit per scanned or PDF document read ·{" "}
          <span className="font-medium text-green-800">{CREDITS_PER_EINVOICE === 0 ? "free" : `${CREDITS_PER_EINVOICE} credits`}</span> for an e-invoice
          (Factur-X / ZUGFeRD PDF, XRechnung or UBL / Peppol XML), read exactly from its XML without OCR
        </p>
      </div>
      <div className="shrink-0">
        <label htmlFor="upload-kind" className="block text-sm font-medium text-gray-800">
          Kind
        </label>
        <select
          id="upload-kind"
          name="kind"
          defaultValue={form.value("kind", "VENDOR_BILL")}
          className="mt-1 block rounded-md border border-gray-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        >
          <option value="VENDOR_BILL">Vendor bill</option>
          <option value="EXPENSE_RECEIPT">Expense receipt</option>
        </select>
      </div>
      <Button type="submit" pending={form.pending} pendingLabel="Uploading…" className="shrink-0 sm:mt-6">
        Upload
      </Button>
      </div>
      {state && (
        <div role={state.ok ? "status" : "alert"} className="text-sm">
          <p className={state.ok ? "text-green-700" : "font-medium text-red-700"}>{actionMessage(state)}</p>
          {fileErrors && (
            <ul id="upload-errors" className="mt-1 list-disc space-y-0.5 pl-5 text-red-700">
              {fileErrors.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
