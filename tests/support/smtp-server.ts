// A real SMTP server on loopback for integration tests (the `smtp-server`
// package), keeping every message it receives parsed by `mailparser`.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "@/lib/db/embedded-postgres";

export interface TestSmtpServer {
  port: number;
  /** smtp://127.0.0.1:<port> (with user:pass when the server wants a login). */
  url: string;
  messages: ParsedMail[];
  /** Messages received for one address. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(options: { port?: number; user?: string; password?: string; refuseRecipients?: boolean } = {}): Promise<TestSmtpServer> {
  const port = options.port ?? (await freePort());
  const messages: ParsedMail[] = [];
  const wantsLogin = options.user !== undefined;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (its built-in certificate is a test one).
    disabledCommands: wantsLogin ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !wantsLogin,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      // 550: the permanent refusal a mail server gives for an unknown mailbox.
      if (options.refuseRecipients) callback(Object.assign(new Error(`No such user: ${address.address}`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const auth = wantsLogin ? `${encodeURIComponent(options.user!)}:${encodeURIComponent(options.password ?? "")}@` : "";
  return {
    port,
    url: `smtp://${auth}127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
