import type { IdeaStatus } from "../../db/schema";
import type { MailMessage } from "../mail/send-mail";
import type { Digest, DigestPost } from "./build-digest";

type Locale = "en" | "fr";

const text = {
  en: {
    subject: { daily: "Your Guilde digest for today", weekly: "Your Guilde digest for this week" },
    greeting: (name: string) => `Hello ${name},`,
    intro: "Here is what happened in what you follow on Guilde.",
    unanswered: "Questions waiting for an answer",
    accepted: "Newly solved questions",
    tutorials: "New tutorials",
    ideas: "Ideas that moved",
    ownQuestions: "Activity on your questions",
    newAnswers: (count: number) => (count === 1 ? "1 new answer" : `${count} new answers`),
    status: { proposed: "proposed", under_review: "under review", planned: "planned", in_progress: "in progress", implemented: "implemented", declined: "declined" },
    settings: "Change how often you receive it",
    unsubscribe: "Stop receiving these digests",
    inCommunity: (community: string) => `in ${community}`,
  },
  fr: {
    subject: { daily: "Votre résumé Guilde du jour", weekly: "Votre résumé Guilde de la semaine" },
    greeting: (name: string) => `Bonjour ${name},`,
    intro: "Voici ce qui s'est passé dans ce que vous suivez sur Guilde.",
    unanswered: "Questions en attente de réponse",
    accepted: "Questions résolues",
    tutorials: "Nouveaux tutoriels",
    ideas: "Idées qui ont avancé",
    ownQuestions: "Activité sur vos questions",
    newAnswers: (count: number) => (count === 1 ? "1 nouvelle réponse" : `${count} nouvelles réponses`),
    status: { proposed: "proposée", under_review: "à l'étude", planned: "planifiée", in_progress: "en cours", implemented: "réalisée", declined: "refusée" },
    settings: "Changer la fréquence de ce résumé",
    unsubscribe: "Ne plus recevoir ces résumés",
    inCommunity: (community: string) => `dans ${community}`,
  },
} satisfies Record<Locale, unknown>;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);

interface DigestMail {
  to: string;
  name: string;
  locale: Locale;
  cadence: "daily" | "weekly";
  digest: Digest;
  publicUrl: string;
  unsubscribeLink: string;
}

/** The digest in the reader's language, as plain text and HTML, with RFC 8058 one-click unsubscribe headers. */
export function digestEmail({ to, name, locale, cadence, digest, publicUrl, unsubscribeLink }: DigestMail): MailMessage {
  const words = text[locale];
  const link = (path: string) => `${publicUrl}${path}`;
  const line = (post: DigestPost, path: string, note?: string) => ({
    label: `${post.title} (${words.inCommunity(post.communityName)}${note ? `, ${note}` : ""})`,
    href: link(path),
  });
  const sections = [
    { title: words.unanswered, items: digest.unanswered.map((post) => line(post, `/questions/${post.id}`)) },
    { title: words.accepted, items: digest.accepted.map((post) => line(post, `/questions/${post.id}`)) },
    { title: words.tutorials, items: digest.tutorials.map((post) => line(post, `/tutorials/${post.id}`)) },
    { title: words.ideas, items: digest.ideas.map((idea) => line(idea, `/ideas/${idea.id}`, words.status[idea.status satisfies IdeaStatus])) },
    { title: words.ownQuestions, items: digest.ownQuestions.map((post) => line(post, `/questions/${post.id}`, words.newAnswers(post.newAnswers))) },
  ].filter((section) => section.items.length > 0);

  const plain = [
    words.greeting(name),
    "",
    words.intro,
    ...sections.flatMap((section) => ["", section.title, ...section.items.map((item) => `- ${item.label}\n  ${item.href}`)]),
    "",
    `${words.settings}: ${link("/settings")}`,
    `${words.unsubscribe}: ${unsubscribeLink}`,
  ].join("\n");

  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;color:#0f172a">`,
    `<p>${escapeHtml(words.greeting(name))}</p><p>${escapeHtml(words.intro)}</p>`,
    ...sections.map(
      (section) =>
        `<h2 style="font-size:1.1em">${escapeHtml(section.title)}</h2><ul>${section.items
          .map((item) => `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a></li>`)
          .join("")}</ul>`,
    ),
    `<p style="font-size:0.9em"><a href="${escapeHtml(link("/settings"))}">${escapeHtml(words.settings)}</a> · <a href="${escapeHtml(unsubscribeLink)}">${escapeHtml(words.unsubscribe)}</a></p>`,
    "</body></html>",
  ].join("");

  return {
    to,
    subject: words.subject[cadence],
    text: plain,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribeLink}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
