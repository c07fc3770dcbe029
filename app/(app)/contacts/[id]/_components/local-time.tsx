"use client";

import { useEffect, useState } from "react";

const format = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }) + (timeZone ? " UTC" : "");

/** Server renders UTC; the browser switches to the reader's time zone. */
export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => format(iso, "UTC"));
  useEffect(() => setText(format(iso)), [iso]);
  return <time dateTime={iso}>{text}</time>;
}
