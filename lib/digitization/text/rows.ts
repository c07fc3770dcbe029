// Rows of a page rebuilt from positioned pieces of text (PDF text items or OCR
// lines). Invoices are laid out in columns; reading them line by line as the
// page segmenter sees them separates a label ("Total") from its value. Putting
// pieces whose vertical centres align back on one row, left to right, and
// splitting a row into cells where there is a wide gap, keeps "Total | 1,493.75"
// together.

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
  confidence: number;
  /** Top of the row, in the page's units (for ordering and "near the top" rules). */
  y: number;
  page: number;
}

export function rowsFromBoxes(boxes: TextBox[], page = 1): Row[] {
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
    const cells: string[] = [];
    let current = "";
    let lastRight: number | null = null;
    for (const box of line) {
      const gap = lastRight === null ? 0 : box.x0 - lastRight;
      if (lastRight !== null && gap > height * 1.5) {
        cells.push(current.trim());
        current = "";
      } else if (lastRight !== null && gap > height * 0.15 && !current.endsWith(" ")) {
        current += " ";
      }
      current += box.text;
      lastRight = Math.max(lastRight ?? box.x1, box.x1);
    }
    cells.push(current.trim());
    const kept = cells.map((c) => c.replace(/\s+/g, " ")).filter(Boolean);
    const weights = line.map((b) => b.text.length);
    const total = weights.reduce((s, w) => s + w, 0) || 1;
    const confidence = line.reduce((s, b, i) => s + b.confidence * weights[i], 0) / total;
    return { text: kept.join("  "), cells: kept, confidence, y: Math.min(...line.map((b) => b.y0)), page };
  });
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
