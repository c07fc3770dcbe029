"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("contacts.list");
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
          <span className="font-medium">{t("selected", { count })}</span>
          {allOnPage && !allMatching && total > rows.length && (
            <button type="button" className="text-brand-600 underline" onClick={() => setAllMatching(true)}>
              {q ? t("selectAllMatching", { total, q }) : t("selectAll", { total })}
            </button>
          )}
          <Button type="button" className="ml-auto" onClick={() => setMassOpen(allMatching ? { all: true, q } : { ids: [...selected] })}>
            {t("sendSms")}
          </Button>
          <button
            type="button"
            className="text-gray-700 underline"
            onClick={() => {
              setSelected(new Set());
              setAllMatching(false);
            }}
          >
            {t("clear")}
          </button>
        </div>
      )}
      <DataTable
        cards
        caption={t("caption")}
        rows={rows}
        empty={q ? t("noMatch", { q }) : t("none")}
        rowClassName={(row) => (selected.has(row.id) || allMatching ? "bg-brand-50/60" : "hover:bg-gray-50")}
        columns={[
          {
            key: "select",
            header: (
              <input
                type="checkbox"
                aria-label={t("selectPage")}
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
                aria-label={t("selectRow", { name: row.name })}
                checked={allMatching || selected.has(row.id)}
                onChange={() => toggle(row.id)}
                className="size-4 accent-brand-600"
              />
            ),
          },
          // No prefetch: a page of 20 rows would fetch 20 contact pages in the background.
          { key: "name", header: t("columns.name"), rowHeader: true, cell: (row) => <TextLink href={contactPath(row.id)} prefetch={false}>{row.name}</TextLink> },
          { key: "email", header: t("columns.email"), className: "text-gray-700", cell: (row) => row.email },
          { key: "phone", header: t("columns.phone"), nowrap: true, cell: (row) => (row.phone ? <PhoneNumber value={row.phone} /> : null) },
          { key: "mobile", header: t("columns.mobile"), nowrap: true, cell: (row) => (row.mobile ? <PhoneNumber value={row.mobile} /> : null) },
          { key: "country", header: t("columns.country"), className: "text-gray-700", cell: (row) => row.country },
        ]}
      />
      {massOpen && <MassSmsDialog selection={massOpen} decimals={decimals} testMode={testMode} onClose={() => setMassOpen(null)} />}
    </>
  );
}

function PhoneNumber({ value }: { value: { text: string; valid: boolean } | null }) {
  const t = useTranslations("contacts.list");
  if (!value) return null;
  if (value.valid) return <span>{value.text}</span>;
  return (
    <span className="text-amber-800" title={t("invalidNumber")}>
      <span aria-hidden>⚠ </span>
      {value.text}
      <span className="sr-only">{t("invalidNumberSr")}</span>
    </span>
  );
}
