// A table written the catalogue's way names none of its words: its caption
// (the name e2e specs find it by), empty state and headings come from its
// part of the catalogue, in the reader's language; a row's second line sits
// in the same cell, on the wide table and on the phone's cards.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import { DataTable, type Column } from "./data-table";

type User = { id: number; name: string; email: string; role: string };
const rows: User[] = [{ id: 1, name: "Ada Admin", email: "ada@example.com", role: "Administrator" }];
const columns: Column<User>[] = [
  { key: "user", rowHeader: true, cell: (user) => user.name, detail: (user) => user.email },
  { key: "role", cell: (user) => user.role },
];
// DataTable is a plain function of its props (no hooks): rendered by calling it, which lets TypeScript pick its overload.
const table = (element: ReactNode) => renderToStaticMarkup(element);
const text = (html: string) => html.replace(/<[^>]+>/g, "|").split("|").filter(Boolean);

describe("DataTable with the catalogue's words", () => {
  it("takes its caption and headings from the catalogue, in the reader's language", () => {
    const english = table(DataTable({ words: translatorFor("en", "users"), rows, columns }));
    expect(english).toContain('<caption class="sr-only">Users</caption>');
    expect(text(english.slice(english.indexOf("<thead"), english.indexOf("</thead>")))).toEqual(["User", "Role"]);
    const french = table(DataTable({ words: translatorFor("fr", "users"), rows, columns }));
    expect(text(french.slice(french.indexOf("<thead"), french.indexOf("</thead>")))).toEqual([translatorFor("fr", "users")("columns.user"), translatorFor("fr", "users")("columns.role")]);
    expect(translatorFor("fr", "users")("columns.user")).not.toBe("User");
  });

  it("a heading or caption given wins over the catalogue's", () => {
    const html = table(DataTable({ words: translatorFor("en", "users"), caption: "Team", rows, columns: [{ ...columns[0], header: "Person" }, columns[1]] }));
    expect(html).toContain('<caption class="sr-only">Team</caption>');
    expect(text(html.slice(html.indexOf("<thead"), html.indexOf("</thead>")))).toEqual(["Person", "Role"]);
  });

  it("no rows: the catalogue's empty state instead of a table", () => {
    const html = table(DataTable({ words: translatorFor("en", "users"), rows: [], columns }));
    expect(html).not.toContain("<table");
    expect(text(html)).toEqual(["No user yet."]);
  });

  it("a row's detail is a second line of its cell, on the table and on the cards", () => {
    const html = table(DataTable({ words: translatorFor("en", "users"), rows, columns, cards: true }));
    expect(html).toMatch(/<th scope="row"[^>]*>Ada Admin<span class="block[^"]*">ada@example.com<\/span><\/th>/);
    expect(html).toMatch(/<li[^>]*>.*Ada Admin<span class="block[^"]*">ada@example.com<\/span>.*<\/li>/);
  });

  it("a column with no heading and a table with no words is a bug said at once", () => {
    expect(() => table(DataTable({ caption: "Users", empty: "None", rows, columns }))).toThrow(/columns\.user/);
  });
});
