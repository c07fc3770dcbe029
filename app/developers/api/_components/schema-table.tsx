// A JSON Schema from the OpenAPI document as a table of fields, following
// $refs into components; nested objects are listed under their parent
// ("data[].amount"). Server-rendered: the page ships no script. Field names,
// types and descriptions are the OpenAPI document's (English); the table's own
// words are translated. Drawn by the app's one DataTable.
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  example?: unknown;
};

export type Components = Record<string, Schema>;

function resolve(schema: Schema, components: Components): Schema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.split("/").pop()!;
    current = { ...components[name], description: current.description ?? components[name]?.description };
  }
  return current;
}

function typeOf(schema: Schema, components: Components): string {
  const s = resolve(schema, components);
  if (s.anyOf) return s.anyOf.map((option) => typeOf(option, components)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (s.type === "array" && s.items) return `${typeOf(s.items, components)}[]`;
  if (schema.$ref) return schema.$ref.split("/").pop()!;
  const base = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${base} (${s.format})` : base;
}

interface Row {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

type Translator = ReturnType<typeof useTranslations<"developers.schema">>;

function rows(t: Translator, schema: Schema, components: Components, prefix = "", depth = 0): Row[] {
  const s = resolve(schema, components);
  const object = s.type === "array" && s.items ? resolve(s.items, components) : s;
  const base = s.type === "array" ? `${prefix}[]` : prefix;
  if (!object.properties || depth > 2) return [];
  return Object.entries(object.properties).flatMap(([name, property]) => {
    const p = resolve(property, components);
    const full = base ? `${base}.${name}` : name;
    const details = [
      p.description,
      p.default !== undefined ? t("default", { value: JSON.stringify(p.default) }) : null,
      p.example !== undefined ? t("example", { value: JSON.stringify(p.example) }) : null,
    ];
    const nested = p.type === "object" || (p.type === "array" && p.items && resolve(p.items, components).properties) ? rows(t, property, components, full, depth + 1) : [];
    return [{ name: full, type: typeOf(property, components), required: object.required?.includes(name) ?? false, description: details.filter(Boolean).join(" ") }, ...nested];
  });
}

export function SchemaTable({ schema, components, caption }: { schema: Schema; components: Components; caption: string }) {
  const t = useTranslations("developers.schema");
  const list = rows(t, schema, components);
  if (list.length === 0) return <p className="text-sm text-gray-600">{typeOf(schema, components)}</p>;
  return (
    <DataTable
      caption={caption}
      rows={list}
      rowKey={(row) => row.name}
      // Never shown: a schema without fields is said as its type, above.
      empty={null}
      columns={[
        {
          key: "field",
          header: t("field"),
          rowHeader: true,
          nowrap: true,
          className: "font-mono text-xs text-gray-900",
          cell: (row) => (row.required ? <>{row.name}<span className="ml-1 text-red-700" title={t("required")}>*</span></> : row.name),
        },
        { key: "type", header: t("type"), className: "font-mono text-xs text-gray-600", cell: (row) => row.type },
        { key: "description", header: t("description"), className: "text-gray-700", cell: (row) => row.description },
      ]}
    />
  );
}
