import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
  return <StatusPage status={403} title={t("title")} text={t("text")} back={{ href: "/contacts", label: t("back") }} />;
}
