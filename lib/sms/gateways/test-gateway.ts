import { randomUUID } from "node:crypto";
import { E164, SmsGatewayError, type OutgoingSms, type SmsGateway } from "./gateway";

/**
 * The default gateway when no provider is configured: it accepts every
 * well-formed message and delivers nothing. The UI says so.
 */
export class TestSmsGateway implements SmsGateway {
  readonly name = "Test gateway";
  readonly testMode = true;

  async send(message: OutgoingSms): Promise<{ id: string }> {
    if (!E164.test(message.to)) throw new SmsGatewayError("invalid-number", { number: message.to });
    if (!message.body.trim()) throw new SmsGatewayError("empty-message");
    return { id: `test-${randomUUID()}` };
  }
}
