/** The mail outbox page's strings, merged into en.ts and fr.ts. */
export const en = {
  "mail.title": "Mail outbox",
  "mail.intro": "Without an SMTP server (SMTP_URL), Guilde writes its e-mails here instead of sending them: invitations, digests, reminders. Showing {shown} of {total}, newest first.",
  "mail.empty": "No e-mail has been written yet.",
  "mail.viaSmtp": "E-mails are sent through the SMTP server (SMTP_URL): none are kept here.",
  "mail.to": "To",
  "mail.subject": "Subject",
  "mail.date": "Written",
  "mail.back": "Back to the outbox",
  "mail.noSubject": "(no subject)",
};

export const fr: Record<keyof typeof en, string> = {
  "mail.title": "Boîte d'envoi",
  "mail.intro": "Sans serveur SMTP (SMTP_URL), Guilde écrit ici ses e-mails au lieu de les envoyer : invitations, résumés, rappels. {shown} sur {total}, les plus récents d'abord.",
  "mail.empty": "Aucun e-mail n'a encore été écrit.",
  "mail.viaSmtp": "Les e-mails partent par le serveur SMTP (SMTP_URL) : aucun n'est gardé ici.",
  "mail.to": "À",
  "mail.subject": "Objet",
  "mail.date": "Écrit",
  "mail.back": "Retour à la boîte d'envoi",
  "mail.noSubject": "(sans objet)",
};
