import type { MailMessage } from "../mail/send-mail";

interface InvitationMail {
  to: string;
  link: string;
  communityName: string;
  inviterName: string;
  expiresAt: Date;
  locale: "en" | "fr";
}

/** The invitation e-mail, in the language the inviter chose for it. Plain text: it is one link. */
export function invitationEmail({ to, link, communityName, inviterName, expiresAt, locale }: InvitationMail): MailMessage {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(expiresAt);
  if (locale === "fr") {
    return {
      to,
      subject: `${inviterName} vous invite dans la communauté « ${communityName} » sur Guilde`,
      text: [
        "Bonjour,",
        "",
        `${inviterName} vous invite à rejoindre « ${communityName} », une communauté ouverte à nos clients sur Guilde : posez vos questions, répondez, partagez votre expérience avec nos équipes.`,
        "",
        "Pour accepter et créer votre compte, ouvrez ce lien :",
        link,
        "",
        `Ce lien ne sert qu'une fois et expire le ${date}. Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.`,
      ].join("\n"),
    };
  }
  return {
    to,
    subject: `${inviterName} invites you to the "${communityName}" community on Guilde`,
    text: [
      "Hello,",
      "",
      `${inviterName} invites you to join "${communityName}", a community open to our customers on Guilde: ask questions, answer them, and share your experience with our teams.`,
      "",
      "To accept and create your account, open this link:",
      link,
      "",
      `The link works once and expires on ${date}. If you did not expect this invitation, simply ignore this message.`,
    ].join("\n"),
  };
}
