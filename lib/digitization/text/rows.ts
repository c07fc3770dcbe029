// Rows of a page rebuilt from positioned pieces of text (PDF text items or OCR
// lines). Invoices are laid out in columns; reading them line by line as the
// page segmenter sees them separates a label ("Total") from its value. Putting
// pieces whose vertical centres align back on one row, left to right, and
// splitting a row into cells where there is a wide gap, keeps "Total | 1,493.75"
// together.

import { cleanText } from "../extract/normalize";

export interface TextBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–1; 1 for a PDF text layer. */
  confidence: number;
}

export interface Row {
  /** The row's text, cells joined by two spaces. */
  text: string;
  cells: string[];
  /** Left and right edge of each cell, in the page's units. */
  spans: { x0: number; x1: number }[];
  confidence: number;
  /** Top of the row, in the page's units (for ordering and "near the top" rules). */
  y: number;
  /** Height of the row's text. */
  height: number;
  page: number;
  /** The page's size in the same units (0 when unknown). */
  pageWidth: number;
  pageHeight: number;
}

export function rowsFromBoxes(input: TextBox[], page = 1, size: { width: number; height: number } = { width: 0, height: 0 }): Row[] {
  const boxes = input.map((box) => ({ ...box, text: cleanText(box.text) }));
  const sorted = boxes.filter((b) => b.text.trim() !== "").sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const groups: TextBox[][] = [];
  for (const box of sorted) {
    const centre = (box.y0 + box.y1) / 2;
    const group = groups.at(-1);
    if (group) {
      const top = Math.min(...group.map((b) => b.y0));
      const bottom = Math.max(...group.map((b) => b.y1));
      const height = Math.max(1, Math.min(bottom - top, box.y1 - box.y0));
      // Same row when the centre falls inside the row's band (with a little slack for skew).
      if (centre >= top - height * 0.25 && centre <= bottom + height * 0.25 && centre - (top + bottom) / 2 < height * 0.6) {
        group.push(box);
        continue;
      }
    }
    groups.push([box]);
  }
  return groups.map((group) => {
    const line = group.sort((a, b) => a.x0 - b.x0);
    const height = median(line.map((b) => b.y1 - b.y0)) || 1;
    const cells: { text: string; x0: number; x1: number }[] = [];
    let current: { text: string; x0: number; x1: number } | null = null;
    for (const box of line) {
      const gap = current === null ? 0 : box.x0 - current.x1;
      if (current === null || gap > height * 1.5) {
        if (current) cells.push(current);
        current = { text: box.text, x0: box.x0, x1: box.x1 };
        continue;
      }
      if (gap > height * 0.15 && !current.text.endsWith(" ")) current.text += " ";
      current.text += box.text;
      current.x1 = Math.max(current.x1, box.x1);
    }
    if (current) cells.push(current);
    const kept = cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, " ").trim() })).filter((c) => c.text);
    const weights = line.map((b) => b.text.length);
    const total = weights.reduce((s, w) => s + w, 0) || 1;
    const confidence = line.reduce((s, b, i) => s + b.confidence * weights[i], 0) / total;
    return {
      text: kept.map((c) => c.text).join("  "),
      cells: kept.map((c) => c.text),
      spans: kept.map(({ x0, x1 }) => ({ x0, x1 })),
      confidence,
      y: Math.min(...line.map((b) => b.y0)),
      height,
      page,
      pageWidth: size.width,
      pageHeight: size.height,
    };
  });
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
