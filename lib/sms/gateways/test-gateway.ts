import { randomUUID } from "node:crypto";
import { E164, SmsGatewayError, type OutgoingSms, type SmsGateway } from "./gateway";

/**
 * The default gateway when no provider is configured: it accepts every
 * well-formed message and delivers nothing. The UI says so. With
 * `onAccepted` it also reports delivery like a carrier would (the gateway
 * index wires it to lib/sms/delivery/simulate.ts).
 */
export class TestSmsGateway implements SmsGateway {
  readonly name = "Test gateway";
  readonly testMode = true;

  constructor(private readonly options: { onAccepted?: (id: string, message: OutgoingSms) => void } = {}) {}

  async send(message: OutgoingSms): Promise<{ id: string }> {
    if (!E164.test(message.to)) throw new SmsGatewayError("invalid-number", { number: message.to });
    if (!message.body.trim()) throw new SmsGatewayError("empty-message");
    const id = `test-${randomUUID()}`;
    this.options.onAccepted?.(id, message);
    return { id };
  }
}
