import { dateFormat, relativeTimeFormat, useLocale, useT } from "~/i18n";
import { Badge } from "./badge";
import { PersonLink } from "./person-link";

/** Question, answer and comment bodies: Markdown rendered and sanitised on the server when written (server/content/markdown.ts). */
export function RenderedMarkdown({ html, className = "" }: { html: string; className?: string }) {
  return <div className={`markdown-body ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** An author in a thread: name, site, and a mark when they are a customer rather than a colleague. */
export function Author({ person }: { person: { id: string; displayName: string; role: "admin" | "employee" | "customer"; siteName: string | null } }) {
  const t = useT();
  return (
    <PersonLink
      person={person}
      site={person.siteName}
      mark={person.role === "customer" ? <Badge tone="warning">{t("profile.role.customer")}</Badge> : undefined}
    />
  );
}

const relativeSteps: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/**
 * "3 hours ago" within a week, the date after that. `now` comes from the loader so that the server
 * and the browser render the same text.
 */
export function RelativeTime({ date, now }: { date: Date | string; now: Date | string }) {
  const locale = useLocale();
  const at = new Date(date);
  const exact = dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at);
  let amount = (at.getTime() - new Date(now).getTime()) / 1000;
  let text: string | null = null;
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(amount) < size) {
      text = relativeTimeFormat(locale).format(Math.round(amount), unit);
      break;
    }
    amount /= size;
  }
  text ??= dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(at);
  return (
    <time dateTime={at.toISOString()} title={`${exact} UTC`}>
      {text}
    </time>
  );
}

export function CommunityLink({ community }: { community: { slug: string; name: string; color: string } }) {
  return (
    <a href={`/c/${community.slug}`} className="inline-flex items-center gap-1.5 font-medium text-slate-800 underline underline-offset-2 hover:text-brand-800">
      <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: community.color }} />
      {community.name}
    </a>
  );
}
