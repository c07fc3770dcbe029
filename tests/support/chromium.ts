// The Chromium every test and screenshot script drives, resolved once:
//   1. CHROMIUM_PATH, when it names a file (a missing one is reported and skipped;
//      CHROMIUM_PATH=npm goes straight to 3);
//   2. a system Chromium: /usr/bin/chromium (Debian's package) or chromium,
//      chromium-browser, google-chrome… on PATH;
//   3. the Chromium shipped inside the npm package @sparticuz/chromium (a
//      devDependency, so a fresh clone has it after `npm install`), unpacked
//      once per version into node_modules/.cache/.
// The runner (tests/run.ts) resolves it, prints the choice, and hands the
// result to every child through IAP_CHROMIUM, so Playwright's workers and the
// Vitest workers neither search nor unpack again.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, LaunchOptions } from "@playwright/test";

export type ChromiumSource = "CHROMIUM_PATH" | "system" | "npm";

export interface ResolvedChromium {
  executablePath: string;
  source: ChromiumSource;
  version: string;
  /** Extra environment the browser needs (the npm build on a machine without its libraries or fonts). */
  env: Record<string, string>;
  /** Why an earlier choice was passed over, for the printed line. */
  notes: string[];
}

const root = path.resolve(import.meta.dirname, "..", "..");
const HANDOFF = "IAP_CHROMIUM";
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"];
const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/**
 * Flags for a headless browser on a machine with no network but loopback:
 * without the background-networking ones Chromium keeps dialling Google's
 * hosts; --no-sandbox because CI runs as root.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser's version line, or why it cannot start (the loader's complaint, say). */
function probe(executablePath: string, env: Record<string, string> = {}): { ok: boolean; output: string } {
  const result = spawnSync(executablePath, ["--headless", "--no-sandbox", "--version"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  // Debian's wrapper script may add noise on stderr: the version is on stdout.
  const version = (result.stdout ?? "").split("\n").find((line) => /\d+\.\d+\.\d+/.test(line));
  if (result.status === 0 && version) return { ok: true, output: version.trim() };
  return { ok: false, output: `${result.stderr ?? ""}${result.stdout ?? ""}`.trim() || String(result.error ?? `exit ${result.status}`) };
}

function systemChromium(): string | null {
  for (const candidate of SYSTEM_PATHS) if (isExecutable(candidate)) return candidate;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Unpacks @sparticuz/chromium with its own `executablePath()` in a child
 * process whose TMPDIR is a private staging folder (the package unpacks into
 * the temp dir), then moves the folder into place in one rename: concurrent
 * runs never see half a binary, and the first one to finish wins.
 */
function npmChromium(): { executablePath: string; env: Record<string, string> } {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    // Its exports map hides package.json: go up from the entry point to it.
    packageDir = path.dirname(require.resolve("@sparticuz/chromium"));
    const isPackageRoot = (dir: string) =>
      existsSync(path.join(dir, "package.json")) && (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string }).name === "@sparticuz/chromium";
    while (!isPackageRoot(packageDir)) packageDir = path.dirname(packageDir);
  } catch {
    throw new Error("No Chromium found and @sparticuz/chromium is not installed: run `npm install`, install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.");
  }
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  const cache = path.join(root, "node_modules", ".cache", `sparticuz-chromium-${version}`);
  const executablePath = path.join(cache, "chromium");
  if (!existsSync(executablePath)) {
    const staging = `${cache}.${process.pid}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const script = `import chromium from "@sparticuz/chromium"; await chromium.executablePath();`;
    const unpack = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      // Said to be AWS Lambda, the package also unpacks the libraries the
      // binary links (NSS, expat) into al2023/lib, for machines that lack them.
      env: { ...process.env, TMPDIR: staging, AWS_EXECUTION_ENV: "AWS_Lambda_nodejs20.x" },
      encoding: "utf8",
    });
    if (unpack.status !== 0 || !existsSync(path.join(staging, "chromium"))) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`Unpacking @sparticuz/chromium ${version} failed:\n${unpack.stderr || unpack.stdout}`);
    }
    try {
      renameSync(staging, cache);
    } catch (error) {
      // Another run moved its copy in first: use that one.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(executablePath)) throw error;
    }
  }

  const env: Record<string, string> = {};
  if (!existsSync("/etc/fonts/fonts.conf")) {
    // No system font configuration: use the fonts the package ships.
    const fontsConf = path.join(cache, "fonts.conf");
    if (!existsSync(fontsConf)) {
      writeFileSync(fontsConf, `<?xml version="1.0"?>\n<fontconfig><dir>${path.join(cache, "fonts")}</dir><cachedir>${path.join(cache, "fonts-cache")}</cachedir></fontconfig>\n`);
    }
    env.FONTCONFIG_FILE = fontsConf;
  }
  if (!probe(executablePath, env).ok) {
    const libraries = path.join(cache, "al2023", "lib");
    env.LD_LIBRARY_PATH = [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  }
  return { executablePath, env };
}

function resolveAfresh(): ResolvedChromium {
  const notes: string[] = [];
  const candidates: Array<() => { executablePath: string; source: ChromiumSource; env: Record<string, string> } | null> = [
    () => {
      const configured = process.env.CHROMIUM_PATH;
      if (!configured || configured === "npm") return null;
      if (isExecutable(configured)) return { executablePath: configured, source: "CHROMIUM_PATH", env: {} };
      notes.push(`CHROMIUM_PATH=${configured} does not exist or is not executable`);
      return null;
    },
    () => {
      if (process.env.CHROMIUM_PATH === "npm") return null;
      const found = systemChromium();
      if (found) return { executablePath: found, source: "system", env: {} };
      notes.push("no system Chromium");
      return null;
    },
    () => ({ ...npmChromium(), source: "npm" }),
  ];
  for (const candidate of candidates) {
    const choice = candidate();
    if (!choice) continue;
    const check = probe(choice.executablePath, choice.env);
    if (check.ok) return { ...choice, version: check.output, notes };
    notes.push(`${choice.executablePath} does not start: ${check.output.split("\n")[0]}`);
  }
  throw new Error(`No usable Chromium (${notes.join("; ")}). Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
}

let resolved: ResolvedChromium | undefined;

/** The browser to drive: handed down by the runner, or found (and unpacked) here once per process. */
export function resolveChromium(): ResolvedChromium {
  if (resolved) return resolved;
  const handedDown = process.env[HANDOFF];
  if (handedDown) {
    const parsed = JSON.parse(handedDown) as ResolvedChromium;
    if (existsSync(parsed.executablePath)) return (resolved = parsed);
  }
  resolved = resolveAfresh();
  // Child processes (Playwright workers, Vitest workers, scripts) inherit it.
  process.env[HANDOFF] = JSON.stringify(resolved);
  return resolved;
}

/** One line saying which browser runs the tests and why. */
export function describeChromium(chromium: ResolvedChromium): string {
  const from = { CHROMIUM_PATH: "from CHROMIUM_PATH", system: "system browser", npm: "npm package @sparticuz/chromium" }[chromium.source];
  const passedOver = chromium.notes.length ? ` (${chromium.notes.join("; ")})` : "";
  return `${chromium.version} at ${chromium.executablePath}, ${from}${passedOver}`;
}

/** Launch options for Playwright: the resolved binary, headless, with the flags above. */
export function chromiumLaunchOptions(): LaunchOptions {
  const chromium = resolveChromium();
  return {
    executablePath: chromium.executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    ...(Object.keys(chromium.env).length ? { env: { ...process.env, ...chromium.env } as Record<string, string> } : {}),
  };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("@playwright/test");
  return chromium.launch(chromiumLaunchOptions());
}
