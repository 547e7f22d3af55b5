/**
 * The local mail outbox (DATA_DIR/mail-outbox, written when no SMTP server is set), read back for
 * administrators: the latest messages, and one message's text. Parsed with mailparser, nodemailer's
 * companion, so encodings and multipart bodies read as the recipient would see them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { ensureCan, type Viewer } from "../policy";

export const listedMessages = 50;
const messageFile = /^[\w-]+\.eml$/;

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  date: Date | null;
}

export interface OutboxMessage extends OutboxEntry {
  text: string;
}

/** The outbox folder, or null with an SMTP server: e-mails then leave Guilde and there is no outbox to show. */
function outboxDirectory(guilde: Guilde, viewer: Viewer): string | null {
  ensureCan(viewer, { action: "mail.viewOutbox" }, "hide");
  return guilde.config.mail.kind === "outbox" ? guilde.config.mail.directory : null;
}

const recipients = (to: AddressObject | AddressObject[] | undefined) => (Array.isArray(to) ? to : to ? [to] : []).map((address) => address.text).join(", ");

async function parse(directory: string, file: string): Promise<OutboxMessage> {
  const parsed = await simpleParser(await fs.readFile(path.join(directory, file)));
  return { id: file.slice(0, -".eml".length), to: recipients(parsed.to), subject: parsed.subject ?? "", date: parsed.date ?? null, text: parsed.text ?? "" };
}

/** The newest messages first (file names start with the time they were written). */
export async function listOutbox(guilde: Guilde, { viewer }: { viewer: Viewer }): Promise<{ viaSmtp: boolean; messages: OutboxEntry[]; total: number }> {
  const directory = outboxDirectory(guilde, viewer);
  if (!directory) return { viaSmtp: true, messages: [], total: 0 };
  const files = (await fs.readdir(directory).catch(() => [] as string[])).filter((file) => messageFile.test(file)).sort().reverse();
  const messages = await Promise.all(files.slice(0, listedMessages).map((file) => parse(directory, file)));
  return { viaSmtp: false, messages: messages.map(({ text: _text, ...entry }) => entry), total: files.length };
}

/** One message, by the id the list gives; anything else (a path, say) is not found. */
export async function readOutboxMessage(guilde: Guilde, { viewer, messageId }: { viewer: Viewer; messageId: string }): Promise<OutboxMessage> {
  const directory = outboxDirectory(guilde, viewer);
  const file = `${messageId}.eml`;
  if (!directory || !messageFile.test(file)) throw new NotFound();
  try {
    return await parse(directory, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new NotFound();
    throw error;
  }
}
