"use client";

import { useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { ModalDialog } from "@/components/modal-dialog";
import { countryName } from "@/lib/contacts/countries";
import { parsePhone } from "@/lib/contacts/phone";
import { smsPrice, type PriceTable } from "@/lib/sms/price";
import { checkMessage } from "@/lib/sms/message";
import { SmsComposer, TestModeNotice } from "../../_components/sms-composer";
import { sendSmsAction } from "../actions";

export interface SmsSettings {
  prices: PriceTable;
  decimals: number;
  testMode: boolean;
  companyCountry: string;
  /** E.164 numbers of this contact that replied STOP. */
  optedOut: string[];
  /** What the SMS goes out as: the company's sender name (where the country allows one) or the gateway's number. */
  senderName: string | null;
  senderNumber: string | null;
  /** Countries where the sender name can be used (lib/sms/sender.ts decides on the server too). */
  alphanumericCountries: string[];
}

export function SendSmsDialog({
  contact,
  number,
  settings,
  onClose,
  onSent,
}: {
  contact: { id: number; name: string; country: string | null };
  number: string;
  settings: SmsSettings;
  onClose: () => void;
  onSent: (message: string) => void;
}) {
  const t = useTranslations("sms.dialog");
  const refusals = useTranslations("sms.refusal");
  const locale = useLocale();
  const [body, setBody] = useState("");
  // One id per attempt: a double-click resends the same id (sent once); after a
  // refusal the next attempt gets a new one.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const form = useActionForm(sendSmsAction);
  const { state } = form;
  const phone = useMemo(() => parsePhone(number, { contact: contact.country, company: settings.companyCountry }), [number, contact.country, settings.companyCountry]);

  // Once per answer (each answer is a new object).
  useEffect(() => {
    if (!state) return;
    if (state.ok) onSent(state.message ?? t("sentFallback"));
    else setClientId(crypto.randomUUID());
  }, [state, onSent, t]);

  const shape = checkMessage(body);
  const stopped = phone !== null && settings.optedOut.includes(phone.e164);
  const from =
    settings.senderName && phone?.country && settings.alphanumericCountries.includes(phone.country)
      ? settings.senderName
      : (settings.senderNumber ?? (settings.testMode ? t("testGatewayNumber") : t("yourNumber")));
  const formId = "send-sms-form";
  return (
    <ModalDialog
      title={t("title")}
      onClose={onClose}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={formId} pending={form.pending} pendingLabel={t("sending")} disabled={!phone || !shape.ok || stopped}>
            {t("send")}
          </Button>
        </>
      }
    >
      {settings.testMode && <TestModeNotice />}
      <form id={formId} action={form.action} className="space-y-4">
        <input type="hidden" name="contactId" value={contact.id} />
        <input type="hidden" name="number" value={number} />
        <input type="hidden" name="clientId" value={clientId} />
        <div>
          <p className="text-sm font-medium text-gray-800">{t("recipient")}</p>
          <p className="mt-1 text-sm font-medium">{contact.name}</p>
          <p className="text-sm text-gray-700">
            {phone ? (
              <>
                <span className="whitespace-nowrap">{phone.international}</span>
                {phone.country && <span> · {countryName(phone.country, locale)}</span>}
              </>
            ) : (
              number
            )}
          </p>
          {stopped && (
            <p role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("optedOut")}
            </p>
          )}
          {!phone && (
            <p role="alert" className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {refusals("invalidNumber")}
            </p>
          )}
        </div>
        <p className="text-sm text-gray-700">
          <span className="font-medium text-gray-800">{t("from")}</span> {from}
        </p>
        <SmsComposer
          value={body}
          onChange={setBody}
          autoFocus
          decimals={settings.decimals}
          costFor={(parts) => (phone ? smsPrice(settings.prices, phone.country, parts) : null)}
        />
        {form.failed && <ActionFeedback state={state} variant="banner" fieldsShown={false} />}
      </form>
    </ModalDialog>
  );
}
