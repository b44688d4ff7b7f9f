import { maskPhone } from '@fangkong/core';
import type { SmsLog, SmsSender } from './sms-sender.ts';

export interface SentSms {
  phone: string;
  text: string;
  at: Date;
}

const OUTBOX_SIZE = 200;

/**
 * The demo's and the tests' sender: nothing leaves the machine. Each message is written to the server log
 * (the demo operator reads the code there) and kept in a small in-memory outbox that tests and the browser
 * journeys read. Never for production: anyone with the log reads every code.
 */
export class LogSmsSender implements SmsSender {
  readonly kind = 'log';
  readonly outbox: SentSms[] = [];
  log: SmsLog | null = null;

  async send(phone: string, text: string): Promise<void> {
    this.outbox.push({ phone, text, at: new Date() });
    if (this.outbox.length > OUTBOX_SIZE) this.outbox.shift();
    this.log?.info({ sms: { to: maskPhone(phone), text } }, `短信（演示发送器，未真正发出） / SMS (log sender, not sent): ${text}`);
  }

  /** The newest message to a phone, if any. */
  lastTo(phone: string): SentSms | undefined {
    return this.outbox.findLast((m) => m.phone === phone);
  }

  /** The 6-digit code in the newest message to a phone (tests and journeys). */
  lastCodeTo(phone: string): string | undefined {
    return this.lastTo(phone)?.text.match(/\b\d{6}\b/)?.[0];
  }
}

/** The sender named by FANGKONG_SMS_SENDER; `log` is the only one shipped (see docs/operations.md). */
export function smsSenderFor(kind: string): SmsSender {
  if (kind === 'log') return new LogSmsSender();
  throw new Error(`unknown SMS sender ${kind}`);
}
