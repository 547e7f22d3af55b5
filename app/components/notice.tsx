import { useLocation, useSearchParams } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";

/**
 * After a form succeeds, the action redirects with `?notice=name` (POST/redirect/GET) and the page
 * shows the matching message. Unknown names show nothing.
 */
export function noticeHref(path: string, notice: string): string {
  const url = new URL(path, "http://guilde.invalid");
  url.searchParams.set("notice", notice);
  return url.pathname + url.search;
}

/** This page's path and query without its notice: where a form sends the visitor back. */
export function useReturnPath(): string {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("notice");
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

export function Notice({ messages }: { messages: Record<string, MessageKey> }) {
  const [searchParams] = useSearchParams();
  const t = useT();
  const name = searchParams.get("notice");
  const message = name && Object.hasOwn(messages, name) ? messages[name] : null;
  if (!message) return null;
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-green-800">
      {t(message)}
    </p>
  );
}
