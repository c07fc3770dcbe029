"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import type { ServiceName } from "@/lib/iap/catalogue";
import { buyPackAction } from "../actions";
import { DescriptionList } from "@/components/description-list";

export interface PackCardProps {
  service: ServiceName;
  packId: number;
  name: string;
  credits: string;
  unitName: string;
  price: string;
  /** "incl. 21 % VAT", "excl. VAT (reverse charge)". */
  vatNote: string;
  pricePerCredit: string;
  canBuy: boolean;
}

export function PackCard({ service, packId, name, credits, unitName, price, vatNote, pricePerCredit, canBuy }: PackCardProps) {
  const t = useTranslations("buy.pack");
  const form = useActionForm(buyPackAction);
  const error = form.failed ? actionMessage(form.state) : null;
  const headingId = useId();
  const errorId = useId();
  return (
    <article aria-labelledby={headingId} className="flex flex-col rounded-lg border border-gray-200 bg-white p-5 shadow-xs">
      <h2 id={headingId} className="text-base font-semibold text-gray-900">
        {name}
      </h2>
      <p className="mt-3 text-3xl font-semibold tabular-nums text-gray-900">
        {credits} <span className="text-base font-normal text-gray-600">{unitName}</span>
      </p>
      <DescriptionList
        className="mt-3"
        items={[
          { term: t("price"), details: price, className: "text-right font-medium tabular-nums" },
          { term: t("vat"), details: vatNote, className: "text-right text-xs text-gray-500" },
          { term: t("perCredit"), details: pricePerCredit, className: "text-right tabular-nums" },
        ]}
      />
      <form action={form.action} className="mt-5">
        <input type="hidden" name="service" value={service} />
        <input type="hidden" name="packId" value={packId} />
        <Button
          type="submit"
          className="w-full"
          disabled={!canBuy}
          pending={form.pending}
          pendingLabel={t("opening")}
          aria-describedby={error ? errorId : undefined}
        >
          {t("buy")}
        </Button>
      </form>
      {error && (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </article>
  );
}
