import "server-only";
import { ProviderRefusedError, ProviderUnavailableError, type Acceptance, type OutgoingLetter, type PostalProvider, type ProviderProblem } from "./provider";

// Pingen (print and mail, Switzerland/EU) REST API v2 over HTTPS:
//   POST {api}/auth/access-tokens            OAuth2 client credentials (form body) → access_token, expires_in
//   GET  {api}/file-upload                   → a signed upload URL and its signature
//   PUT  <signed url>                        the PDF bytes
//   POST {api}/organisations/{org}/deliveries/letters   JSON:API, auto_send, address read from the window (left)
//   GET  {api}/organisations/{org}/deliveries/letters   the organisation's letters, newest first (JSON:API pages)
// Pingen reads the recipient from the PDF's address window, which is why the
// renderer puts it there. Its POSTs take an Idempotency-Key, and each letter is
// named after the request key (file_original_name "<key>.pdf"), so that after
// an attempt whose answer was lost (a timeout, a 5xx, a 409) find() can look
// the letter up instead of creating a second one.

export interface PingenConfig {
  clientId: string;
  clientSecret: string;
  organisationId: string;
  apiUrl: string;
  deliveryProduct: string;
  timeoutMs?: number;
}

const JSON_API = "application/vnd.api+json";
const FIND_PAGES = 5;
const FIND_PAGE_SIZE = 100;

const fileNameFor = (requestKey: string) => `${requestKey}.pdf`;

function acceptanceOf(resource: any): Acceptance | null {
  const id = resource?.id;
  if (typeof id !== "string" && typeof id !== "number") return null;
  const tracking = resource?.attributes?.tracking_number;
  return { providerId: String(id), trackingId: typeof tracking === "string" && tracking ? tracking : null };
}

export class PingenProvider implements PostalProvider {
  readonly name = "pingen" as const;
  readonly label = "Pingen";
  readonly posts = true;
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly config: PingenConfig) {}

  async send(letter: OutgoingLetter): Promise<Acceptance> {
    const token = await this.accessToken();
    const upload = await this.request("GET", "/file-upload", token);
    const url = upload?.data?.attributes?.url;
    const signature = upload?.data?.attributes?.url_signature;
    if (typeof url !== "string" || typeof signature !== "string") throw new ProviderUnavailableError("Pingen gave no upload URL.", { code: "noUploadUrl" });

    const put = await this.fetch(url, { method: "PUT", body: Buffer.from(letter.pdf) });
    if (!put.ok) throw classify(put.status, `Uploading the PDF to Pingen failed (HTTP ${put.status}).`);

    const created = await this.request("POST", `/organisations/${encodeURIComponent(this.config.organisationId)}/deliveries/letters`, token, {
      body: {
        data: {
          type: "letters",
          attributes: {
            file_original_name: fileNameFor(letter.idempotencyKey),
            file_url: url,
            file_url_signature: signature,
            address_position: "left",
            auto_send: true,
            delivery_product: this.config.deliveryProduct,
            print_mode: letter.duplex ? "duplex" : "simplex",
            print_spectrum: letter.color ? "color" : "grayscale",
            meta_data: { reference: `letter-${letter.id}` },
          },
        },
      },
      idempotencyKey: letter.idempotencyKey,
    });
    const acceptance = acceptanceOf(created?.data);
    if (!acceptance) throw new ProviderUnavailableError("Pingen accepted the letter but returned no id.", { code: "noLetterId" });
    return acceptance;
  }

  /** Looks through the organisation's most recent letters for the one named after this key. */
  async find(requestKey: string): Promise<Acceptance | null> {
    const token = await this.accessToken();
    const wanted = fileNameFor(requestKey);
    const base = `/organisations/${encodeURIComponent(this.config.organisationId)}/deliveries/letters`;
    // A retry comes at most about 80 minutes after the first attempt (queue.ts), so
    // its letter is among the newest; a few pages are plenty.
    for (let page = 1; page <= FIND_PAGES; page++) {
      const list = await this.request("GET", `${base}?sort=-created_at&page%5Bnumber%5D=${page}&page%5Blimit%5D=${FIND_PAGE_SIZE}`, token);
      const letters: unknown[] = Array.isArray(list?.data) ? list.data : [];
      const match = letters.find((item: any) => item?.attributes?.file_original_name === wanted);
      if (match) return acceptanceOf(match);
      const lastPage = Number(list?.meta?.last_page ?? list?.meta?.page?.last_page ?? page);
      if (letters.length < FIND_PAGE_SIZE || page >= lastPage || !list?.links?.next) return null;
    }
    return null;
  }

  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt) return this.token.value;
    const response = await this.fetch(`${this.config.apiUrl}/auth/access-tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: this.config.clientId, client_secret: this.config.clientSecret }).toString(),
    });
    if (!response.ok) {
      // Wrong credentials will not fix themselves: retrying only hammers Pingen.
      if (response.status === 400 || response.status === 401) {
        throw new ProviderRefusedError(`Pingen refused the credentials (HTTP ${response.status}): check PINGEN_CLIENT_ID and PINGEN_CLIENT_SECRET.`, "PROVIDER_ERROR", {
          code: "credentialsRefused",
          params: { status: response.status },
        });
      }
      throw classify(response.status, `Pingen sign-in failed (HTTP ${response.status}).`, { code: "signInFailed", params: { status: response.status } });
    }
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new ProviderUnavailableError("Pingen returned no access token.", { code: "noAccessToken" });
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(0, (body.expires_in ?? 3600) - 60) * 1000 };
    return this.token.value;
  }

  private async request(method: "GET" | "POST", pathname: string, token: string, options: { body?: unknown; idempotencyKey?: string } = {}) {
    const headers: Record<string, string> = { Accept: JSON_API, Authorization: `Bearer ${token}` };
    if (options.body !== undefined) headers["Content-Type"] = JSON_API;
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    const response = await this.fetch(`${this.config.apiUrl}${pathname}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.status === 401) this.token = null;
    if (!response.ok) {
      // Pingen's own error texts are kept as Pingen wrote them; only a bare status is ours to word.
      const said = describeErrors(json);
      throw said ? classify(response.status, said) : classify(response.status, `Pingen answered HTTP ${response.status}.`, { code: "httpStatus", params: { status: response.status } });
    }
    return json;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.config.timeoutMs ?? 30_000) });
    } catch (error) {
      throw new ProviderUnavailableError(`Pingen could not be reached: ${(error as Error).message}`, { code: "unreachable" });
    }
  }
}

/** 4xx (except 401/408/409/429) are refusals; the rest may pass later. */
function classify(status: number, message: string, problem?: ProviderProblem): Error {
  if (status >= 400 && status < 500 && ![401, 408, 409, 429].includes(status)) {
    return new ProviderRefusedError(message, status === 422 ? "FORMAT_ERROR" : "PROVIDER_ERROR", problem);
  }
  return new ProviderUnavailableError(message, problem);
}

/** JSON:API errors: [{ title, detail, source: { pointer } }]. */
function describeErrors(json: any): string | null {
  const errors = Array.isArray(json?.errors) ? json.errors : [];
  const parts = errors.map((e: any) => [e?.title, e?.detail].filter(Boolean).join(": ")).filter(Boolean);
  return parts.length ? `Pingen: ${parts.join("; ")}` : null;
}
