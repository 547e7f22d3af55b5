import { Link, useSearchParams, type ShouldRevalidateFunctionArgs } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

/** The search parameter naming the disclosure that is open. */
const openParameter = "open";

/**
 * A disclosure whose content is only rendered once asked for. Closed, its summary is a link that names
 * it in the page's address (`?open=<id>#<id>`): without JavaScript the page loads with it open, with
 * JavaScript it opens in place. A page with one under every item (a flag form under each of 20 answers)
 * then sends and renders none of those forms until one is wanted. `open` keeps it open regardless (a
 * form in it failed and shows its errors).
 */
export function OnDemandDisclosure({
  id,
  summary,
  summaryClassName,
  className,
  open = false,
  children,
}: {
  id: string;
  summary: ReactNode;
  summaryClassName: string;
  className?: string;
  open?: boolean;
  children: ReactNode;
}) {
  const [searchParams] = useSearchParams();
  const asked = searchParams.get(openParameter) === id;
  const summaryRef = useRef<HTMLElement>(null);
  // The link that was activated is gone: focus goes to what replaced it, not to the top of the page.
  useEffect(() => {
    if (asked) summaryRef.current?.focus();
  }, [asked]);
  if (!asked && !open) {
    const opening = new URLSearchParams(searchParams);
    opening.set(openParameter, id);
    return (
      <Link to={`?${opening}#${id}`} preventScrollReset replace className={summaryClassName}>
        {summary}
      </Link>
    );
  }
  return (
    <details id={id} open className={className}>
      <summary ref={summaryRef} className={summaryClassName}>
        {summary}
      </summary>
      {children}
    </details>
  );
}

/**
 * For a route with on-demand disclosures: opening one changes only the address, so its data is not
 * loaded again. Anything else (another page, a form sent, a live update asking for fresh data on the
 * same address) revalidates as usual.
 */
export function unlessOnlyADisclosureOpened({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const opened = currentUrl.searchParams.get(openParameter) !== nextUrl.searchParams.get(openParameter);
  if (formMethod || !opened || currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const rest = (url: URL) => {
    const params = new URLSearchParams(url.search);
    params.delete(openParameter);
    params.sort();
    return params.toString();
  };
  return rest(currentUrl) === rest(nextUrl) ? false : defaultShouldRevalidate;
}
