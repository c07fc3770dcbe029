import { notFound, redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { accountPath } from "@/lib/routes";

// A service of the IAP Account list that was never used: opening it opens its
// account, created here as on any first use (an eligible company gets its
// trial credits), like the Buy Credits page does.
export default async function ServiceAccountPage({ params }: { params: Promise<{ service: string }> }) {
  const { service: raw } = await params;
  const user = await requireAdmin(`/settings/iap/service/${raw}`);
  const service = serviceNameSchema.safeParse(raw);
  if (!service.success) notFound();
  const account = await getOrCreateAccount(user.companyId, service.data);
  redirect(accountPath(account.id));
}
