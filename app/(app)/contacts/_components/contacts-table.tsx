"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { contactPath } from "@/lib/routes";
import { MassSmsDialog, type MassSelection } from "./mass-sms-dialog";
import { TextLink } from "@/components/text-link";

export interface ContactListRow {
  id: number;
  name: string;
  email: string | null;
  phone: { text: string; valid: boolean } | null;
  mobile: { text: string; valid: boolean } | null;
  country: string | null;
}

export function ContactsTable({ rows, total, q, decimals, testMode }: { rows: ContactListRow[]; total: number; q: string; decimals: number; testMode: boolean }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [massOpen, setMassOpen] = useState<MassSelection | null>(null);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const count = allMatching ? total : selected.size;

  function toggle(id: number) {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      {count > 0 && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm">
          <span className="font-medium">{count} selected</span>
          {allOnPage && !allMatching && total > rows.length && (
            <button type="button" className="text-brand-600 underline" onClick={() => setAllMatching(true)}>
              Select all {total} contacts{q ? ` matching "${q}"` : ""}
            </button>
          )}
          <Button type="button" className="ml-auto" onClick={() => setMassOpen(allMatching ? { all: true, q } : { ids: [...selected] })}>
            Send SMS
          </Button>
          <button
            type="button"
            className="text-gray-700 underline"
            onClick={() => {
              setSelected(new Set());
              setAllMatching(false);
            }}
          >
            Clear
          </button>
        </div>
      )}
      <DataTable
        caption="Contacts"
        rows={rows}
        rowKey={(row) => row.id}
        empty={q ? `No contact matches "${q}".` : "No contacts yet."}
        rowClassName={(row) => (selected.has(row.id) || allMatching ? "bg-brand-50/60" : "hover:bg-gray-50")}
        columns={[
          {
            key: "select",
            header: (
              <input
                type="checkbox"
                aria-label="Select all contacts on this page"
                checked={allOnPage}
                onChange={() => {
                  setAllMatching(false);
                  setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)));
                }}
                className="size-4 accent-brand-600"
              />
            ),
            className: "w-10",
            cell: (row) => (
              <input
                type="checkbox"
                aria-label={`Select ${row.name}`}
                checked={allMatching || selected.has(row.id)}
                onChange={() => toggle(row.id)}
                className="size-4 accent-brand-600"
              />
            ),
          },
          { key: "name", header: "Name", cell: (row) => <TextLink href={contactPath(row.id)}>{row.name}</TextLink> },
          { key: "email", header: "E-mail", className: "text-gray-700", cell: (row) => row.email },
          { key: "phone", header: "Phone", nowrap: true, cell: (row) => <PhoneNumber value={row.phone} /> },
          { key: "mobile", header: "Mobile", nowrap: true, cell: (row) => <PhoneNumber value={row.mobile} /> },
          { key: "country", header: "Country", className: "text-gray-700", cell: (row) => row.country },
        ]}
      />
      {massOpen && <MassSmsDialog selection={massOpen} decimals={decimals} testMode={testMode} onClose={() => setMassOpen(null)} />}
    </>
  );
}

function PhoneNumber({ value }: { value: { text: string; valid: boolean } | null }) {
  if (!value) return null;
  if (value.valid) return <span>{value.text}</span>;
  return (
    <span className="text-amber-800" title="Not a valid phone number">
      <span aria-hidden>⚠ </span>
      {value.text}
      <span className="sr-only"> (not a valid phone number)</span>
    </span>
  );
}
