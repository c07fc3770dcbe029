// The EU VIES REST service: POST <VIES_URL>/check-vat-number with
// {countryCode, vatNumber} answers {valid, name, address, userError…}; failures
// come back as {actionSucceed:false, errorWrappers:[{error:"MS_UNAVAILABLE"}]}
// (or, from some gateways, a 200 with userError set). Every failure — timeout,
// member state unavailable, network — becomes "unavailable" with its code, so
// callers degrade to the embedded data with a note instead of an error page.

export type ViesResult =
  | { status: "valid"; name: string | null; address: string | null }
  | { status: "invalid" }
  | { status: "unavailable"; code: string };

const NO_DATA = new Set(["", "---", "N/A"]);

function clean(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.replace(/\s+\n/g, "\n").trim();
  return NO_DATA.has(text) ? null : text;
}

export async function checkVies(baseUrl: string, countryCode: string, vatNumber: string, timeoutMs: number): Promise<ViesResult> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/$/, "")}/check-vat-number`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ countryCode, vatNumber }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    return { status: "unavailable", code: name === "TimeoutError" || name === "AbortError" ? "TIMEOUT" : "NETWORK_ERROR" };
  }
  let body: Record<string, unknown>;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    return { status: "unavailable", code: `HTTP_${response.status}` };
  }
  const wrapped = Array.isArray(body.errorWrappers) ? (body.errorWrappers[0] as { error?: string } | undefined)?.error : undefined;
  if (wrapped) return wrapped === "INVALID_INPUT" ? { status: "invalid" } : { status: "unavailable", code: wrapped };
  if (!response.ok) return { status: "unavailable", code: `HTTP_${response.status}` };
  const userError = typeof body.userError === "string" ? body.userError : null;
  if (body.valid === true) return { status: "valid", name: clean(body.name), address: clean(body.address) };
  if (userError && !["VALID", "INVALID"].includes(userError)) {
    return userError === "INVALID_INPUT" ? { status: "invalid" } : { status: "unavailable", code: userError };
  }
  return { status: "invalid" };
}

