// A PDF as an HTTP answer that no cache or search engine keeps.
export function pdfResponse(bytes: Uint8Array, fileName: string, disposition: "inline" | "attachment"): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${disposition}; filename="${fileName.replace(/[^\w.\- ]/g, "_")}"`,
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    },
  });
}
