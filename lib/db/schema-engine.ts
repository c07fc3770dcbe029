// Prisma's schema engine, compiled to WebAssembly, driven offline through the
// pg driver adapter: it writes the SQL of a new migration (what `prisma migrate
// diff` prints) without the native engine, which is a download. Its
// applyMigrations panics in this build, so applying is done by ./migrate.ts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
type Engine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

const require = createRequire(import.meta.url);
const noFilters = { externalTables: [], externalEnums: [] };

// The engine reports a Rust panic through this global before it throws.
const panicRegistry = { message: "", set_message(message: string) { this.message = message; } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let loaded: Promise<SchemaEngineModule> | undefined;

// Instantiated once per process: the glue module caches views of the wasm
// memory, so handing it a second instance makes it read the wrong memory.
function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  loaded ??= instantiateSchemaEngineModule();
  return loaded;
}

async function instantiateSchemaEngineModule(): Promise<SchemaEngineModule> {
  // The package imports its .wasm as an ES module, which Node 20 cannot do
  // without a flag, so we instantiate it by hand and hand it the glue module.
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = await import(pathToFileURL(path.join(packageDir, "schema_engine_bg.js")).href);
  const bytes = readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue as SchemaEngineModule;
}

async function withEngine<T>(databaseUrl: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  // Our own pool, so it is closed when the work is done and a connection the
  // server ends meanwhile is an error to report, not an uncaught 'error' event.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  const factory = new PrismaPg(pool);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const explain = (error: unknown): never => {
    // The engine reports driver failures as "External error id#N"; the real
    // error waits in the adapter's registry.
    if (panicRegistry.message) throw new Error(`Schema engine panicked: ${panicRegistry.message}`, { cause: error });
    const match = /External error id#(\d+)/.exec(String((error as Error)?.message ?? error));
    const cause = match ? adapter.errorRegistry.consumeError(Number(match[1])) : undefined;
    throw cause ? new Error(`Schema engine: ${JSON.stringify(cause.error ?? cause)}`, { cause: error }) : error;
  };
  try {
    const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter).catch(explain);
    try {
      return await work(engine).catch(explain);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/** SQL that takes a database from schema `from` (null: an empty database) to schema `to`. */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const target = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}
