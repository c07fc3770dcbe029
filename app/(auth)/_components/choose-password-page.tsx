import type { ComponentProps, ReactNode } from "react";
import { inspectUserToken, type LinkState, type UserTokenPurpose } from "@/lib/auth/user-tokens";
import { AuthCard } from "./auth-card";
import { ChoosePasswordForm } from "./choose-password-form";
import { LinkProblem } from "./link-problem";

type LinkUser = Extract<LinkState, { state: "valid" }>["user"];

/**
 * The page a secret link opens to choose a password (an invitation, a reset):
 * what became of the link when it is spent, expired or unknown; else the form,
 * under a title and intro about the link's user.
 */
export async function ChoosePasswordPage({
  token,
  purpose,
  whatNext,
  heading,
  action,
}: {
  token: string;
  purpose: UserTokenPurpose;
  /** Where to go when the link no longer works. */
  whatNext: string;
  heading: (user: LinkUser) => { title: string; intro: ReactNode };
  action: ComponentProps<typeof ChoosePasswordForm>["action"];
}) {
  const link = await inspectUserToken(token, purpose);
  if (link.state !== "valid") return <LinkProblem state={link.state} whatNext={whatNext} />;
  const { title, intro } = heading(link.user);
  return (
    <AuthCard title={title} intro={intro}>
      <ChoosePasswordForm token={token} email={link.user.email} action={action} />
    </AuthCard>
  );
}
