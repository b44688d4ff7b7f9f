/**
 * Sends a text message to a phone. The server asks nothing else of an SMS provider: a real provider
 * (a carrier gateway, a cloud SMS service) is a class with this one method, chosen in `smsSenderFor`.
 * `send` resolves once the provider has accepted the message and rejects when it refuses it; the
 * caller never retries (a resident asks for a new code instead).
 */
export interface SmsSender {
  readonly kind: string;
  send(phone: string, text: string): Promise<void>;
}

/** Where a sender writes its log lines (Fastify's pino logger fits). */
export interface SmsLog {
  info(entry: object, message: string): void;
}
