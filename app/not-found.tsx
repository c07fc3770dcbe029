import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { StatusPage } from "@/components/status-page";

export default async function NotFound() {
  // Rendered per request, not prerendered: only then does Next put this
  // request's CSP nonce on its scripts (proxy.ts), so the page hydrates.
  await connection();
  const t = await getTranslations("common.notFound");
  return <StatusPage status={404} title={t("title")} text={t("text")} back={{ href: "/", label: t("home") }} />;
}
