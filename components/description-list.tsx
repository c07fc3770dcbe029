// The one description list: terms on the left, their details on the right
// (record pages, receipts, a bill). Items that are false/null are left out, so
// a page writes `cond && { term, details }` for rows that apply only sometimes.
import type { ReactNode } from "react";

export interface Description {
  term: ReactNode;
  details: ReactNode;
  /** Extra classes for the details (mono hashes, tabular amounts, emphasis). */
  className?: string;
}

export function DescriptionList({
  items,
  label,
  framed = false,
  className = "",
}: {
  items: (Description | false | "" | 0 | null | undefined)[];
  /** Names the list when a page has several (aria-label). */
  label?: string;
  /** Draws a white box around it (a record shown on its own). */
  framed?: boolean;
  className?: string;
}) {
  return (
    <dl
      aria-label={label}
      className={`grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm ${framed ? "rounded-lg border border-gray-200 bg-white p-4" : ""} ${className}`}
    >
      {items
        .filter((item): item is Description => Boolean(item))
        .map((item, index) => (
          <div key={index} className="contents">
            <dt className="text-gray-600">{item.term}</dt>
            <dd className={`min-w-0 ${item.className ?? ""}`}>{item.details}</dd>
          </div>
        ))}
    </dl>
  );
}
