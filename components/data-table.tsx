// The one data table: a caption (its accessible name), column headings, one
// row per item, an empty state instead of an empty table, numbers aligned
// right in tabular figures, and sideways scrolling inside its own box on a
// narrow screen. Columns are data, so pages write no table markup; a table
// whose words follow the catalogue's shape (`caption`, `empty`, `columns.<key>`)
// takes its translator and names none of them. Written by hand: the tables are rendered on the server with no sorting or filtering
// state, which is what a table library (TanStack Table) would add.
import type { ReactNode } from "react";

export interface Column<Row> {
  /** Unique within the table. */
  key: string;
  /** Left out with the table's `words`: its `columns.<key>`. */
  header?: ReactNode;
  /** The header is read by screen readers only (an actions or status column). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** A second line under the cell's value, smaller and grey (a user's e-mail under their name, a file's size under its name). */
  detail?: (row: Row) => ReactNode;
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

/** The row's buttons (Retry, Discard, Remove…), last: `{ ...ACTIONS_COLUMN, header: t("columns.actions"), cell }`. Never wrapped, named for screen readers only. */
export const ACTIONS_COLUMN = { key: "actions", headerHidden: true, nowrap: true } as const;

type RowKey<Row> = (row: Row) => string | number;

/** A translator on the table's own part of the catalogue (getTranslations("users"), "documents.list"…). */
export type TableWords = (key: string) => string;

/**
 * Where the table's words come from: given one by one, or `words`, the
 * table's part of the catalogue, which has `caption`, `empty` and a
 * `columns.<key>` for each column without a header (what is given wins).
 */
type TableText = { caption: string; empty: ReactNode; words?: TableWords } | { words: TableWords; caption?: string; empty?: ReactNode };

type TableProps<Row> = TableText & {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowClassName?: (row: Row) => string;
  /** false inside a card that draws the border: the table then runs to the card's edges, its first and last columns padded like the card's content. */
  framed?: boolean;
  /**
   * Below 640 px, one card per row instead of a table that scrolls sideways:
   * the row's name as its title, each labelled column as a term and its
   * value, unlabelled ones (a checkbox, actions) without a term.
   */
  cards?: boolean;
};

const byId = (row: { id: string | number }) => row.id;

/** Rows with an `id` are keyed by it; others say what tells them apart (rowKey). */
export function DataTable<Row extends { id: string | number }>(props: TableProps<Row> & { rowKey?: RowKey<Row> }): ReactNode;
export function DataTable<Row>(props: TableProps<Row> & { rowKey: RowKey<Row> }): ReactNode;
export function DataTable<Row>({
  words,
  caption = words!("caption"),
  columns: given,
  rows,
  // Left out only where Row has an id: the first signature says so.
  rowKey = byId as unknown as RowKey<Row>,
  empty = words!("empty"),
  rowClassName,
  framed = true,
  cards = false,
}: TableProps<Row> & { rowKey?: RowKey<Row> }) {
  if (rows.length === 0) {
    return <div className={`text-sm text-gray-600 ${framed ? "rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center" : ""}`}>{empty}</div>;
  }
  const columns = given.map((column) => (column.header === undefined ? { ...column, header: headerOf(column.key, words) } : column));
  const content = (column: Column<Row>, row: Row): ReactNode => {
    const detail = column.detail?.(row);
    if (detail === undefined || detail === null || detail === false || detail === "") return column.cell(row);
    return (
      <>
        {column.cell(row)}
        <span className="block text-xs font-normal text-gray-600">{detail}</span>
      </>
    );
  };
  const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");
  // Padding and the first and last columns' edges come from .data-table in
  // app/globals.css: said once there, not on each of a page's hundreds of cells.
  const align = (column: Column<Row>) => classes(column.numeric && "num", column.nowrap && "nowrap");
  // Worked out once per column, not per cell.
  const cellClasses = columns.map((column) => classes(column.rowHeader && "font-medium", align(column), column.className) || undefined);
  const table = (
    // relative: visually hidden (absolute) text in a cell stays inside the scrolling box instead of widening the page.
    // Focusable and named: a table that scrolls sideways on a phone can be scrolled with the keyboard.
    <div role="group" aria-label={caption} tabIndex={0} className={`relative overflow-x-auto ${framed ? "rounded-lg border border-gray-200 bg-white" : ""}`}>
      <table className={`data-table ${framed ? "" : "flush "}min-w-full divide-y divide-gray-200 text-left text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 text-xs font-semibold uppercase tracking-wide text-gray-600">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={align(column) || undefined}>
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
                  <Cell
                    key={column.key}
                    {...(column.rowHeader ? { scope: "row" } : {})}
                    {...(column.cellLabel ? { "aria-label": column.cellLabel(row) } : {})}
                    className={cellClasses[index]}
                  >
                    {content(column, row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!cards) return table;
  const labelled = (column: Column<Row>) => typeof column.header === "string" && !column.headerHidden;
  const title = columns.find((column) => column.rowHeader) ?? columns.find(labelled)!;
  const before = columns.slice(0, columns.indexOf(title)).filter((column) => !labelled(column));
  const details = columns.filter((column) => column !== title && labelled(column));
  const after = columns.filter((column) => column !== title && !labelled(column) && !before.includes(column));
  const shown = (value: ReactNode) => value !== null && value !== undefined && value !== false && value !== "";
  return (
    <>
      <div className="hidden sm:block">{table}</div>
      <ul aria-label={caption} className={`divide-y divide-gray-200 text-sm sm:hidden ${framed ? "rounded-lg border border-gray-200 bg-white" : ""}`}>
        {rows.map((row) => (
          <li key={rowKey(row)} className={`space-y-2 px-4 py-3 wrap-anywhere ${rowClassName?.(row) ?? ""}`}>
            <div className="flex items-start gap-3 font-medium">
              {before.map((column) => (
                <span key={column.key}>{content(column, row)}</span>
              ))}
              <span className="min-w-0">{content(title, row)}</span>
            </div>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
              {details.map((column) => {
                const value = content(column, row);
                if (!shown(value)) return null;
                return (
                  <div key={column.key} className="contents">
                    <dt className="text-gray-600">{column.header}</dt>
                    <dd className={column.className}>{value}</dd>
                  </div>
                );
              })}
            </dl>
            {after.map((column) => {
              const value = content(column, row);
              return shown(value) ? <div key={column.key}>{value}</div> : null;
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

function headerOf(key: string, words: TableWords | undefined): string {
  // A bug the page's author sees at once, not an empty heading.
  if (!words) throw new Error(`DataTable column "${key}" has no header, and the table no words to find columns.${key} in`);
  return words(`columns.${key}`);
}
