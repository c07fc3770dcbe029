"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { ActionButton } from "@/components/action-button";
import { Button } from "@/components/button";
import type { Role } from "@/lib/auth/session";
import type { UserStatus } from "@/lib/auth/users";
import { changeRoleAction, deactivateUserAction, reactivateUserAction, resendInvitationAction } from "../actions";
import { SharedLink } from "./shared-link";

/** Resend: like the other buttons, plus the new link when it could not be e-mailed. */
function ResendInvitationButton({ user }: { user: { id: number; name: string } }) {
  const t = useTranslations("users.buttons");
  const form = useActionForm(resendInvitationAction);
  return (
    <form action={form.action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={user.id} />
      <Button type="submit" variant="link" pending={form.pending} pendingLabel={t("sending")} aria-label={t("resendLabel", { name: user.name })} className="whitespace-nowrap text-sm">
        {t("resend")}
      </Button>
      <ActionFeedback state={form.state} fieldsShown={false} className="text-xs!" />
      {form.data?.linkToShare && <SharedLink link={form.data.linkToShare} />}
    </form>
  );
}

/** What an administrator can do to one user of the company (not all of it to themselves). */
export function UserActions({ user, isSelf }: { user: { id: number; name: string; role: Role; status: UserStatus }; isSelf: boolean }) {
  const t = useTranslations("users.buttons");
  const newRole: Role = user.role === "ADMIN" ? "USER" : "ADMIN";
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
      {user.status === "INVITED" && <ResendInvitationButton user={user} />}
      {user.status !== "DEACTIVATED" && (
        <ActionButton
          action={changeRoleAction}
          fields={{ userId: user.id, role: newRole }}
          pendingLabel={t("saving")}
          // The visible words first, then whose (WCAG 2.5.3: the name spoken contains the text shown).
          label={t(newRole === "USER" ? "makeUserLabel" : "makeAdminLabel", { name: user.name })}
          className="whitespace-nowrap"
        >
          {t(newRole === "USER" ? "makeUser" : "makeAdmin")}
        </ActionButton>
      )}
      {user.status === "DEACTIVATED" ? (
        <ActionButton action={reactivateUserAction} fields={{ userId: user.id }} pendingLabel={t("reactivating")} label={t("reactivateLabel", { name: user.name })} className="whitespace-nowrap">
          {t("reactivate")}
        </ActionButton>
      ) : (
        !isSelf && (
          <ActionButton action={deactivateUserAction} fields={{ userId: user.id }} pendingLabel={t("deactivating")} label={t("deactivateLabel", { name: user.name })} className="whitespace-nowrap text-red-700">
            {t("deactivate")}
          </ActionButton>
        )
      )}
    </div>
  );
}
