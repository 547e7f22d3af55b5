/**
 * Sends an e-mail through the configured SMTP server, or, without one (the demo, development), writes
 * it as an .eml file to DATA_DIR/mail-outbox/, where an operator can open it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

export type MailDelivery = { via: "smtp" } | { via: "outbox"; file: string };

const smtpTransports = new Map<string, Transporter>();
// Builds the message only (RFC 822), for the outbox.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

export async function sendMail(mail: Config["mail"], message: MailMessage): Promise<MailDelivery> {
  const envelope = { from: mail.from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: message.headers };
  if (mail.kind === "smtp") {
    let transport = smtpTransports.get(mail.url);
    if (!transport) smtpTransports.set(mail.url, (transport = nodemailer.createTransport(mail.url)));
    await transport.sendMail(envelope);
    return { via: "smtp" };
  }
  const { message: raw } = (await composer.sendMail(envelope)) as { message: Buffer };
  await fs.mkdir(mail.directory, { recursive: true, mode: 0o700 });
  const file = path.join(mail.directory, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`);
  // The message holds a secret link: readable by the server's user only.
  await fs.writeFile(file, raw, { mode: 0o600 });
  return { via: "outbox", file };
}
