import { decimalString } from "../decimal";
import type { Row } from "../text/rows";
import { amountsIn } from "./amounts";
import { LABELS } from "./labels";
import type { InvoiceLine } from "./types";

// Invoice lines from a table: a heading row names the columns (Description,
// Qty, Unit price, VAT, Amount — in any of the label languages), the rows
// under it up to the totals are lines, each value read from the column its
// text sits under. Rows with no amount that follow a line continue its
// description. Lines are shown to the reviewer; no field depends on them.

type Column = "description" | "quantity" | "unitPrice" | "vatRate" | "amount";

const HEADINGS: [Column, RegExp][] = [
  ["quantity", LABELS.lineQuantity],
  ["vatRate", LABELS.lineVat],
  ["unitPrice", LABELS.lineUnitPrice],
  ["amount", LABELS.lineAmount],
  ["description", LABELS.lineDescription],
];

interface Heading {
  column: Column;
  x0: number;
  x1: number;
}

function headingsOf(row: Row, folded: string[]): Heading[] {
  const found: Heading[] = [];
  folded.forEach((text, i) => {
    for (const [column, pattern] of HEADINGS) {
      if (pattern.test(text) && !found.some((h) => h.column === column)) {
        found.push({ column, x0: row.spans[i].x0, x1: row.spans[i].x1 });
        return;
      }
    }
  });
  return found;
}

export function readLines(rows: Row[], folded: string[][], decimal: "." | "," | null): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  for (let h = 0; h < rows.length; h++) {
    const headings = headingsOf(rows[h], folded[h]);
    if (!headings.some((x) => x.column === "description") || !headings.some((x) => x.column === "amount" || x.column === "unitPrice")) continue;
    const h0 = h;
    // A column runs from its heading's left edge to the next heading's. Text
    // starts inside it; a number (right-aligned, under a heading aligned either
    // way) ends inside it.
    const sorted = [...headings].sort((a, b) => a.x0 - b.x0);
    const columnAt = (x0: number, x1: number, numeric: boolean): Column => {
      const inside = numeric ? (h: Heading) => h.x0 < x1 - 1 : (h: Heading) => h.x0 - rows[h0].height <= x0;
      return (sorted.filter(inside).at(-1) ?? sorted[0]).column;
    };
    let current: InvoiceLine | null = null;
    for (let i = h + 1; i < rows.length && i < h + 60; i++) {
      const row = rows[i];
      if (row.page !== rows[h].page || LABELS.linesEnd.test(folded[i][0] ?? "")) break;
      const line: InvoiceLine = { description: null, quantity: null, unitPrice: null, vatRate: null, amount: null };
      const words: string[] = [];
      row.cells.forEach((cell, c) => {
        const column = columnAt(row.spans[c].x0, row.spans[c].x1, /^[\d\s.,'%€$£-]+$/.test(cell.replace(/[A-Za-z]{1,3}\.?$/, "")));
        const rate = /(\d+(?:[.,]\d+)?)\s?%/.exec(cell);
        if (rate && (column === "vatRate" || !line.vatRate)) line.vatRate = decimalString(rate[1].replace(",", "."));
        const tokens = amountsIn(cell.replace(/\d+(?:[.,]\d+)?\s?%/g, " "), { decimalSeparator: decimal, threeDecimals: true });
        if (column === "description" || !tokens.length) {
          if (!rate && /[A-Za-zÀ-ÿ]{2}/.test(cell)) words.push(cell);
          return;
        }
        const value = tokens.at(-1)!.value;
        if (column === "quantity") line.quantity = decimalString(tokens[0].value);
        else if (column === "unitPrice") line.unitPrice = value;
        else if (column === "amount") line.amount = value;
      });
      if (line.amount === null && line.unitPrice === null) {
        // A description running on under the line above.
        if (current && words.length && i - h < 60) current.description = `${current.description ?? ""} ${words.join(" ")}`.trim();
        continue;
      }
      line.description = words.join(" ") || null;
      lines.push(line);
      current = line;
    }
    if (lines.length) break;
  }
  return lines;
}
