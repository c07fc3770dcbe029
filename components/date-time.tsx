"use client";

// The one way a date or time is shown. The server renders UTC and says so (it
// cannot know the reader's time zone); once in the browser, an instant
// switches to the reader's own zone. A calendar date (`dateOnly`: an invoice
// date stored as midnight UTC) is the same day everywhere, so it stays UTC.
import { useEffect, useState } from "react";

// Explicit fields rather than dateStyle/timeStyle: those cannot be combined
// with timeZoneName, and the zone is what tells the reader which time it is.
const DATE_TIME: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
const UTC_DATE_TIME = new Intl.DateTimeFormat("en-GB", { ...DATE_TIME, timeZone: "UTC" });
const UTC_DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "21 Nov 2026, 20:51 UTC": the same on server and client (the first render, and text outside the DOM such as a title). */
export function formatDateTime(value: Date): string {
  return UTC_DATE_TIME.format(value);
}

/** "21 Nov 2026, 21:51 CET": in the reader's time zone (or `timeZone`). */
export function formatLocalDateTime(value: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { ...DATE_TIME, ...(timeZone ? { timeZone } : {}) }).format(value);
}

export function DateTime({ value, dateOnly = false, className }: { value: Date | string | null | undefined; dateOnly?: boolean; className?: string }) {
  const date = value == null ? null : new Date(value);
  const utc = date ? (dateOnly ? UTC_DATE.format(date) : formatDateTime(date)) : "";
  const [text, setText] = useState(utc);
  useEffect(() => {
    if (date && !dateOnly) setText(formatLocalDateTime(date));
    else setText(utc);
    // Keyed on the instant, not the Date object (a new one on every render).
  }, [date?.getTime(), dateOnly, utc]);
  if (!date) return <span className="text-gray-400">—</span>;
  return (
    <time dateTime={dateOnly ? date.toISOString().slice(0, 10) : date.toISOString()} title={dateOnly ? undefined : formatDateTime(date)} className={className}>
      {text}
    </time>
  );
}
