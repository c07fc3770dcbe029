// The one data table: a caption (its accessible name), column headings, one
// row per item, an empty state instead of an empty table, numbers aligned
// right in tabular figures, and sideways scrolling inside its own box on a
// narrow screen. Columns are data, so pages write no table markup. Written by
// hand: the tables are rendered on the server with no sorting or filtering
// state, which is what a table library (TanStack Table) would add.
import type { ReactNode } from "react";

export interface Column<Row> {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  /** The header is read by screen readers only (an actions or status column). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** Amounts, counts: right-aligned, tabular figures, never wrapped. */
  numeric?: boolean;
  /** Dates, codes: never wrapped. */
  nowrap?: boolean;
  /** This column names the row (a `<th scope="row">`). */
  rowHeader?: boolean;
  /** Extra classes for this column's cells (widths, colour). */
  className?: string;
  /** An accessible name for each cell, when its content alone is ambiguous ("Status of Marie Dupont"). */
  cellLabel?: (row: Row) => string;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
  framed = true,
}: {
  /** Names the table for screen readers (and for getByRole("table", { name })). */
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  rowClassName?: (row: Row) => string;
  /** false inside a card that draws the border: the table then runs to the card's edges, its first and last columns padded like the card's content. */
  framed?: boolean;
}) {
  if (rows.length === 0) {
    return <div className={`text-sm text-gray-600 ${framed ? "rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center" : ""}`}>{empty}</div>;
  }
  const edge = (index: number) => (framed ? "" : `${index === 0 ? "pl-4 sm:pl-6" : ""} ${index === columns.length - 1 ? "pr-4 sm:pr-6" : ""}`);
  const align = (column: Column<Row>, index: number) =>
    `${column.numeric ? "text-right tabular-nums whitespace-nowrap" : ""} ${column.nowrap ? "whitespace-nowrap" : ""} ${edge(index)}`;
  return (
    <div className={`overflow-x-auto ${framed ? "rounded-lg border border-gray-200 bg-white" : ""}`}>
      <table className="min-w-full divide-y divide-gray-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 text-xs font-semibold uppercase tracking-wide text-gray-600">
          <tr>
            {columns.map((column, index) => (
              <th key={column.key} scope="col" className={`px-3 py-2 ${align(column, index)}`}>
                {column.headerHidden ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className={`align-top ${rowClassName?.(row) ?? "hover:bg-gray-50"}`}>
              {columns.map((column, index) => {
                const Cell = column.rowHeader ? "th" : "td";
                return (
                  <Cell key={column.key} {...(column.rowHeader ? { scope: "row" } : {})} aria-label={column.cellLabel?.(row)} className={`px-3 py-2 ${column.rowHeader ? "font-medium" : ""} ${align(column, index)} ${column.className ?? ""}`}>
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
