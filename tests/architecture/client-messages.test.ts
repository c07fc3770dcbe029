// Client components get only the messages their provider passes (a page's
// payload would otherwise carry every catalogue): each `useTranslations("ns")`
// in client code a page renders must be passed by that page's nearest
// <ClientMessages> — else a French or Chinese visitor sees a missing-message key.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCatalogue } from "@/lib/i18n/catalogue";
import { pickMessages, SHARED_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { missingClientMessages, providedNamespaces, providerFor, ROUTE_FILE, type Sources } from "./client-messages";
import { buildModuleGraph, root } from "./module-graph";

const graph = buildModuleGraph();
const cache = new Map<string, string>();
const project: Sources = {
  files: graph.files,
  edges: graph.edges,
  source(file) {
    if (!cache.has(file)) cache.set(file, readFileSync(path.join(root, file), "utf8"));
    return cache.get(file)!;
  },
};
const layouts = graph.files.filter((file) => /^app\/(.*\/)?layout\.tsx$/.test(file));

function sample(files: Record<string, string>): Sources {
  const edges = Object.entries(files).flatMap(([from, source]) =>
    [...source.matchAll(/from "\.\/(\w[\w-]*)"/g)].map((match) => ({ from, to: `app/${match[1]}.tsx`, specifier: match[0], typeOnly: false })),
  );
  return { files: Object.keys(files), edges, source: (file) => files[file] };
}

describe("messages passed to client components", () => {
  it("reports a client namespace the page's provider does not pass, and not a server component's", () => {
    const files = {
      "app/layout.tsx": `<ClientMessages namespaces={["iap.warning"]}>{children}</ClientMessages>`,
      "app/page.tsx": `import { Form } from "./form";\nimport { Title } from "./title";`,
      "app/form.tsx": `"use client";\nimport { Hint } from "./hint";\nconst t = useTranslations("iap.warning.fields");`,
      "app/hint.tsx": `const t = useTranslations("iap.budgets");`,
      "app/title.tsx": `const t = useTranslations("sign");`,
    };
    expect(missingClientMessages(sample(files), ["ui"])).toEqual([
      `app/page.tsx: app/hint.tsx uses "iap.budgets", which app/layout.tsx does not pass — add it to the <ClientMessages namespaces={[…]}> of app/layout.tsx`,
    ]);
    files["app/layout.tsx"] = `<ClientMessages namespaces={["iap"]}>{children}</ClientMessages>`;
    expect(missingClientMessages(sample(files), ["ui"])).toEqual([]);
  });

  it("finds every page's client namespaces passed by its provider", () => {
    expect(missingClientMessages(project, SHARED_CLIENT_NAMESPACES)).toEqual([]);
  });

  it("has a provider above every route file (the root layout's at least)", () => {
    const without = graph.files.filter((file) => ROUTE_FILE.test(file) && !providerFor(file, project));
    expect(without).toEqual([]);
  });

  it("names only messages that exist", () => {
    const english = readCatalogue(path.join(root, "messages/en"));
    const named = [...SHARED_CLIENT_NAMESPACES, ...layouts.flatMap((file) => providedNamespaces(project.source(file)) ?? [])];
    expect(named.filter((dotted) => Object.keys(pickMessages(english, [dotted])).length === 0)).toEqual([]);
  });

  it("passes the named parts only, nested as in the catalogue", () => {
    const messages = { iap: { budgets: { save: "Save" }, warning: { on: "On" } }, sign: { title: "Sign" } };
    expect(pickMessages(messages, ["iap.budgets", "sign", "sign.title", "nothing.here"])).toEqual({ iap: { budgets: { save: "Save" } }, sign: { title: "Sign" } });
  });
});
