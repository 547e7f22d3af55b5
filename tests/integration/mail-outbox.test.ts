import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NotFound } from "../../server/errors";
import { listOutbox, readOutboxMessage } from "../../server/mail/read-outbox";
import { sendMail } from "../../server/mail/send-mail";
import { admin, community, customer, employee } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { pageText, signedInThroughTheForm } from "../support/http";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-mail-outbox-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const guilde = useGuilde({ DATA_DIR: dataDir });

async function emptyOutbox() {
  fs.rmSync(path.join(dataDir, "mail-outbox"), { recursive: true, force: true });
}

describe("the mail outbox", () => {
  it("lists the e-mails written instead of sent, newest first, and shows one as the recipient reads it", async () => {
    await emptyOutbox();
    const ada = await admin(guilde);
    await sendMail(guilde.config.mail, { to: "lea@example.com", subject: "Votre résumé de la semaine", text: "Trois questions attendent une réponse — à vous de jouer." });
    await sendMail(guilde.config.mail, { to: "karim@example.com", subject: "Invitation", text: "Join Guilde: https://guilde.example/invite/abc", html: "<p>Join <b>Guilde</b></p>" });

    const { viaSmtp, messages, total } = await listOutbox(guilde, { viewer: ada });
    expect({ viaSmtp, total }).toEqual({ viaSmtp: false, total: 2 });
    expect(messages.map((message) => [message.to, message.subject]).toSorted()).toEqual([
      ["karim@example.com", "Invitation"],
      ["lea@example.com", "Votre résumé de la semaine"],
    ]);
    // Newest first: the files are named by the time they were written (two in the same millisecond tie).
    const ids = messages.map((message) => message.id);
    expect(ids).toEqual(ids.toSorted().reverse());
    const weekly = await readOutboxMessage(guilde, { viewer: ada, messageId: messages.find((message) => message.to === "lea@example.com")!.id });
    expect(weekly.text.trim()).toBe("Trois questions attendent une réponse — à vous de jouer.");
  });

  it("is for administrators only: employees, customers and paths outside the outbox are not found", async () => {
    await emptyOutbox();
    await sendMail(guilde.config.mail, { to: "lea@example.com", subject: "Secret link", text: "https://guilde.example/unsubscribe/token" });
    const ada = await admin(guilde);
    const { messages } = await listOutbox(guilde, { viewer: ada });
    for (const viewer of [await employee(guilde), await customer(guilde, { invitedTo: await community(guilde, { visibility: "open" }) }), null]) {
      await expect(listOutbox(guilde, { viewer })).rejects.toThrow(NotFound);
      await expect(readOutboxMessage(guilde, { viewer, messageId: messages[0].id })).rejects.toThrow(NotFound);
    }
    for (const messageId of ["../pglite/PG_VERSION", "nothing-here", ""]) {
      await expect(readOutboxMessage(guilde, { viewer: ada, messageId })).rejects.toThrow(NotFound);
    }
  });

  it("serves the pages to an administrator, escaping what a message holds, and a 404 to an employee", async () => {
    await emptyOutbox();
    await sendMail(guilde.config.mail, { to: "lea@example.com", subject: "Hello <script>alert(1)</script>", text: "<img src=x onerror=alert(1)>" });
    const ada = await admin(guilde);
    const lea = await employee(guilde);
    const server = await guilde.serve();
    const asAdmin = await signedInThroughTheForm(server.url, ada.email);
    const list = await asAdmin.get("/admin/mail");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Hello &lt;script&gt;");
    const [, messageId] = html.match(/href="\/admin\/mail\/([\w-]+)"/) ?? [];
    const message = await asAdmin.get(`/admin/mail/${messageId}`);
    expect(message.status).toBe(200);
    const body = await message.clone().text();
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(body).not.toContain("<img src=x");
    expect(await pageText(message)).toContain("lea@example.com");

    const asEmployee = await signedInThroughTheForm(server.url, lea.email);
    expect((await asEmployee.get("/admin/mail")).status).toBe(404);
    expect((await asEmployee.get(`/admin/mail/${messageId}`)).status).toBe(404);
  });

  it("says e-mails go through SMTP when a server is set, and keeps none", async () => {
    const ada = await admin(guilde);
    const smtp = { ...guilde, config: { ...guilde.config, mail: { kind: "smtp" as const, url: "smtp://mail.example:25", from: "guilde@example.com" } } };
    expect(await listOutbox(smtp, { viewer: ada })).toEqual({ viaSmtp: true, messages: [], total: 0 });
  });
});
