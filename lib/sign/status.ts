// What the requester reads for each signer.
export type SignerStatusLabel = "Sent" | "Verified" | "Signed" | "Signed (verified)" | "Refused";

export function signerStatusLabel(signer: { status: string; verifiedAt: Date | null }): SignerStatusLabel {
  if (signer.status === "SIGNED") return signer.verifiedAt ? "Signed (verified)" : "Signed";
  if (signer.status === "VERIFIED") return "Verified";
  if (signer.status === "REFUSED") return "Refused";
  return "Sent";
}
