// What a service and its unit are called in the reader's language. The
// database keeps the English names (iap_service, seeded from lib/iap/catalogue):
// the catalogue (messages/<locale>/iap.json, `services.<technical name>`) says
// them in each language. A service it does not know keeps its stored name and
// description; so does one renamed in the database (isCatalogueService, which
// the e-mails use too).
import { isCataloguePack, isCatalogueService } from "@/lib/alerts/service-names";

/** A next-intl translator as these helpers use it, whichever namespace it was made for. */
export interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** `t` is a translator of the "iap" namespace. */
export function serviceWords(t: Translator, service: { technicalName: string; name: string; unitName: string; description?: string }) {
  const key = `services.${service.technicalName}`;
  const known = isCatalogueService(service.technicalName, service.name);
  return {
    name: known ? t(`${key}.name`) : service.name,
    description: known ? t(`${key}.description`) : (service.description ?? ""),
    // Every service counts "credits"; another unit keeps its stored word.
    unit: service.unitName === "credits" ? t("unit") : service.unitName,
  };
}

/**
 * A credit pack by its code's name in the reader's language ("Pack Starter",
 * "入门套餐"); an operator's own or renamed pack keeps its stored name
 * (isCataloguePack, which the e-mails and the invoice PDF use too). `t` is a
 * translator of the "iap" namespace.
 */
export function packName(t: Translator, pack: { code: string; name: string }): string {
  return isCataloguePack(pack.code, pack.name) ? t(`packs.${pack.code}`) : pack.name;
}
