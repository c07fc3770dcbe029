import { ClientMessages } from "@/components/client-messages";

// The messages this area's client components use, on top of the shared ones (lib/i18n/client-messages.ts).
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["auth.login", "auth.forgot", "auth.choosePassword", "auth.setup"]}>{children}</ClientMessages>;
}
