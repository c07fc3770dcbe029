import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { NOT_DELIVERED_NO_SMTP } from "./status";

// How composed e-mails leave: over SMTP when SMTP_URL is set; otherwise
// nodemailer's stream transport builds the very same MIME message and nothing
// is sent (the outbox keeps it, marked not delivered). Either way, composing
// goes through nodemailer, so a message that cannot be built fails the same
// way with or without a mail server.

export interface OutgoingMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable across retries, so a receiver can recognise a duplicate after a crash mid-send. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  /** True only when an SMTP server accepted the message. */
  delivered: boolean;
  /** The server's answer ("250 OK …") or why it was not delivered. */
  response: string;
}

export interface MailTransport {
  /** "smtp://mail.example.com:587" (never the password), or "none". */
  readonly target: string;
  readonly smtp: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Connects and logs in once; throws SmtpError with a message an operator can act on. */
  verify(): Promise<void>;
}

export class SmtpError extends Error {
  readonly name = "SmtpError";
}

function fromAddress(): string {
  const config = env();
  return config.MAIL_FROM ?? `"IAP Credits" <no-reply@${new URL(config.APP_URL).hostname}>`;
}

/** SMTP_URL without its credentials, for messages and logs. */
export function smtpTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** Turns nodemailer's errors into one line that says what to check. */
export function describeSmtpError(error: unknown, target: string): string {
  const err = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const detail = (err.response ?? err.message ?? String(error)).trim();
  // nodemailer reports a refused connection as ESOCKET/ECONNECTION with the OS code in the text.
  const code = /\bECONNREFUSED\b/.test(detail) ? "ECONNREFUSED" : err.code;
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot connect to the SMTP server ${target} (SMTP_URL): connection refused`;
    case "ETIMEDOUT":
    case "ESOCKET":
    case "ECONNECTION":
    case "EDNS":
      return `Cannot reach the SMTP server ${target} (SMTP_URL): ${detail}`;
    case "EAUTH":
      return `The SMTP server ${target} refused the login: check the user and password in SMTP_URL (${detail})`;
    case "ETLS":
      return `TLS with the SMTP server ${target} failed: smtps:// is for implicit TLS (port 465), smtp:// for STARTTLS or plain (${detail})`;
    case "EENVELOPE":
      return `The SMTP server ${target} refused the sender or recipient: ${detail}`;
    case "EMESSAGE":
      return `The SMTP server ${target} refused the message: ${detail}`;
    default:
      return `Sending through ${target} failed${err.code ? ` (${err.code})` : ""}: ${detail}`;
  }
}

function smtpTransport(url: string): MailTransport {
  const target = smtpTarget(url);
  // Short timeouts (the URL's own query options win): a cron run must not hang
  // on a dead server; the outbox retries later.
  const transporter = nodemailer.createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: fromAddress() },
  );
  let verified = false;
  const transport: MailTransport = {
    target,
    smtp: true,
    async verify() {
      if (verified) return;
      try {
        await transporter.verify();
        verified = true;
      } catch (error) {
        throw new SmtpError(describeSmtpError(error, target), { cause: error });
      }
    },
    async send(message) {
      await transport.verify();
      try {
        const info = await transporter.sendMail(message);
        return { messageId: info.messageId, delivered: true, response: info.response };
      } catch (error) {
        // The next attempt connects afresh and checks the login again.
        verified = false;
        throw new SmtpError(describeSmtpError(error, target), { cause: error });
      }
    },
  };
  return transport;
}

function composeOnlyTransport(): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }, { from: fromAddress() });
  return {
    target: "none",
    smtp: false,
    async verify() {},
    async send(message) {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId, delivered: false, response: NOT_DELIVERED_NO_SMTP };
    },
  };
}

const cache = globalThis as unknown as { mailTransport?: { key: string; transport: MailTransport } };

/** The transport for the current configuration (re-created when SMTP_URL or MAIL_FROM changes). */
export function mailTransport(): MailTransport {
  const config = env();
  const key = `${config.SMTP_URL ?? ""}|${fromAddress()}`;
  if (cache.mailTransport?.key !== key) {
    cache.mailTransport = { key, transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : composeOnlyTransport() };
  }
  return cache.mailTransport.transport;
}

/** What the outbox page says about delivery: SMTP server (without password) and sender. */
export function mailSettings(): { smtp: boolean; target: string; from: string } {
  const transport = mailTransport();
  return { smtp: transport.smtp, target: transport.target, from: fromAddress() };
}

/** Says at start-up, not at the first e-mail, whether the mail server can be used. */
export function reportMailTransport(): void {
  const transport = mailTransport();
  if (!transport.smtp) {
    console.log("▸ E-mail: no SMTP_URL, messages are composed and kept in Settings > Outgoing E-mails, not sent");
    return;
  }
  transport.verify().then(
    () => console.log(`▸ E-mail: SMTP server ${transport.target} ready`),
    (error: Error) => console.error(`▸ E-mail: ${error.message}. E-mails wait in the outbox until it works.`),
  );
}
