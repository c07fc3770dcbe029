// The one way a benchmark reads its size from the command line: `--name N`.
// A value that is not a positive number stops the run before any work, with the
// option named — a typo must not silently run the default.
export function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number (got ${process.argv[index + 1] ?? "nothing"})`);
  return value;
}
