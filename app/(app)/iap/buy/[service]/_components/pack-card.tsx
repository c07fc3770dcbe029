"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/button";
import type { ActionState } from "@/lib/billing/schemas";
import { buyPackAction } from "../actions";

export interface PackCardProps {
  service: string;
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
  const [state, action, pending] = useActionState<ActionState, FormData>(buyPackAction, { ok: true });
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
      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex justify-between gap-2">
          <dt className="text-gray-600">Price</dt>
          <dd className="font-medium tabular-nums">{price}</dd>
        </div>
        <p className="text-right text-xs text-gray-500">{vatNote}</p>
        <div className="flex justify-between gap-2">
          <dt className="text-gray-600">Per credit</dt>
          <dd className="tabular-nums">{pricePerCredit}</dd>
        </div>
      </dl>
      <form action={action} className="mt-5">
        <input type="hidden" name="service" value={service} />
        <input type="hidden" name="packId" value={packId} />
        <Button
          type="submit"
          className="w-full"
          disabled={!canBuy}
          pending={pending}
          pendingLabel="Opening checkout…"
          aria-describedby={state.ok ? undefined : errorId}
        >
          Buy
        </Button>
      </form>
      {!state.ok && state.message && (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </article>
  );
}
