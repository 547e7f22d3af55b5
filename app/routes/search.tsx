import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { requireUser } from "../../server/http/respond";
import { searchContent, type FacetOption, type SearchPage } from "../../server/search/search-content";
import { Badge, TagList } from "~/components/badge";
import { Highlight } from "~/components/highlight";
import { formatDate, useLocale, useT, type MessageKey } from "~/i18n";
import { pageTitle, useCountText } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("search.title"));

const listParameters = ["type", "community", "site", "status", "tag"] as const;

/** A plain GET form posts here; so does the as-you-type fetcher. Nothing in the query string is a 500. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const params = new URL(request.url).searchParams;
  return searchContent(context.guilde, {
    viewer,
    input: {
      q: params.get("q") ?? "",
      ...Object.fromEntries(listParameters.map((name) => [name, params.getAll(name)])),
      sort: params.get("sort") ?? undefined,
      page: params.get("page") ?? undefined,
    },
  });
}

/** The current query string with one change: a facet value toggled, the sort or the page set. */
function withChange(search: string, change: { toggle?: [string, string]; set?: [string, string | null] }): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  if (change.toggle) {
    const [name, value] = change.toggle;
    const values = params.getAll(name);
    params.delete(name);
    for (const kept of values.includes(value) ? values.filter((other) => other !== value) : [...values, value]) params.append(name, kept);
  }
  if (change.set) {
    const [name, value] = change.set;
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return `/search${query ? `?${query}` : ""}`;
}

const typingDelayMs = 250;

export default function Search() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const fetcher = useFetcher<typeof loader>();
  const [typed, setTyped] = useState(loaded.query);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLOListElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // A submitted search (back, forward, a facet link) replaces what was typed.
  const [submitted, setSubmitted] = useState(loaded.query);
  if (submitted !== loaded.query) {
    setSubmitted(loaded.query);
    setTyped(loaded.query);
  }

  // What is being typed is shown from the fetcher; a submitted search (the URL) from the loader.
  const page: SearchPage = typed !== loaded.query && fetcher.data?.query === typed ? fetcher.data : loaded;
  const searching = fetcher.state === "loading" || (typed !== loaded.query && fetcher.data?.query !== typed);

  const onType = (value: string) => {
    setTyped(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const params = new URLSearchParams(location.search);
      params.set("q", value);
      params.delete("page");
      fetcher.load(`/search?${params}`);
    }, typingDelayMs);
  };

  const moveFocus = (event: KeyboardEvent, step: number) => {
    const links = [...(results.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? [])];
    if (links.length === 0) return;
    event.preventDefault();
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    links[Math.max(0, Math.min(links.length - 1, current + step))].focus();
  };
  const onResultsKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown") moveFocus(event, 1);
    else if (event.key === "ArrowUp") {
      const first = results.current?.querySelector("a[data-result]");
      if (document.activeElement === first) {
        event.preventDefault();
        input.current?.focus();
      } else moveFocus(event, -1);
    } else if (event.key === "Escape") input.current?.focus();
  };

  const filtered = listParameters.some((name) => new URLSearchParams(location.search).has(name));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("search.title")}</h1>
      <Form method="get" role="search" className="flex flex-wrap gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("search.label")}
        </label>
        <input
          ref={input}
          id="search-page-q"
          name="q"
          type="search"
          value={typed}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") moveFocus(event, 1);
          }}
          aria-describedby="search-keyboard-hint"
          autoComplete="off"
          className="w-full max-w-xl rounded-md border border-slate-400 px-3 py-2"
        />
        {listParameters.flatMap((name) => page.filters[filterKey[name]].map((value) => <input key={`${name}-${value}`} type="hidden" name={name} value={value} />))}
        {page.sort !== "relevance" ? <input type="hidden" name="sort" value={page.sort} /> : null}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search.submit")}
        </button>
        <p id="search-keyboard-hint" className="sr-only">
          {t("search.results.keyboard")}
        </p>
      </Form>

      <Notices page={page} filtered={filtered} search={location.search} />

      <div className="grid gap-8 lg:grid-cols-[14rem_1fr_16rem]">
        <Facets page={page} search={location.search} />
        <section aria-labelledby="search-results-heading" className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="search-results-heading" className="text-lg font-semibold">
              {t("search.results.label")}
            </h2>
            <ResultCount page={page} searching={searching} />
            <SortLinks page={page} search={location.search} />
          </div>
          {page.results.length > 0 ? (
            <ol ref={results} onKeyDown={onResultsKey} className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              {page.results.map((result) => (
                <ResultItem key={result.id} result={result} />
              ))}
            </ol>
          ) : null}
          <Pages page={page} search={location.search} />
        </section>
        <PeopleWhoKnow page={page} />
      </div>
    </div>
  );
}

/** Which of the page's filters each query-string parameter carries. */
const filterKey = { type: "kinds", community: "communityIds", site: "siteIds", status: "statuses", tag: "tags" } as const satisfies Record<
  (typeof listParameters)[number],
  keyof SearchPage["filters"]
>;

function ResultCount({ page, searching }: { page: SearchPage; searching: boolean }) {
  const t = useT();
  const countText = useCountText();
  return (
    <p role="status" className="text-sm text-slate-600">
      {searching
        ? t("search.loading")
        : page.notices.includes("empty") || page.notices.includes("noWords")
          ? ""
          : page.more
            ? t("search.results.more", { count: page.total })
            : countText("search.results.count", page.total)}
    </p>
  );
}

function Notices({ page, filtered, search }: { page: SearchPage; filtered: boolean; search: string }) {
  const t = useT();
  const messages: string[] = [];
  if (page.notices.includes("empty")) messages.push(t("search.notice.empty"));
  if (page.notices.includes("noWords")) messages.push(t("search.notice.noWords", { query: page.query }));
  if (page.notices.includes("truncated")) messages.push(t("search.notice.truncated"));
  if (page.notices.includes("someWords")) messages.push(t("search.notice.someWords"));
  if (page.notices.includes("unavailable")) messages.push(t("search.notice.unavailable"));
  const nothing = page.total === 0 && !page.notices.some((notice) => ["empty", "noWords", "unavailable"].includes(notice));
  const beyond = page.notices.includes("beyondLast");
  if (messages.length === 0 && !nothing && !beyond) return null;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-4 text-slate-800">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {nothing ? <p>{filtered ? t("search.noResultsFiltered") : t("search.noResults", { query: page.query })}</p> : null}
      {nothing && filtered ? (
        <p>
          <Link to={`/search?${new URLSearchParams({ q: page.query })}`} className="font-medium text-brand-700 underline">
            {t("search.clearFilters")}
          </Link>
        </p>
      ) : null}
      {beyond ? (
        <p>
          {t("search.notice.beyondLast")}{" "}
          <Link to={withChange(search, {})} className="font-medium text-brand-700 underline">
            {t("search.firstPage")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function SortLinks({ page, search }: { page: SearchPage; search: string }) {
  const t = useT();
  const sorts = [
    ["relevance", "search.sort.relevance"],
    ["newest", "search.sort.newest"],
  ] as const;
  return (
    <nav aria-label={t("search.sort.label")} className="flex gap-1 text-sm">
      {sorts.map(([sort, label]) => (
        <Link
          key={sort}
          to={withChange(search, { set: ["sort", sort === "relevance" ? null : sort] })}
          aria-current={page.sort === sort ? "true" : undefined}
          className={`rounded-md px-2 py-1 ${page.sort === sort ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {t(label)}
        </Link>
      ))}
    </nav>
  );
}

const facetGroups = [
  ["kind", "type", "search.facet.kind"],
  ["status", "status", "search.facet.status"],
  ["community", "community", "search.facet.community"],
  ["site", "site", "search.facet.site"],
  ["tag", "tag", "search.facet.tag"],
] as const;

function facetLabel(t: ReturnType<typeof useT>, group: string, option: FacetOption): string {
  if (group === "kind") return t(`search.kind.${option.value}` as MessageKey);
  if (group === "status") return t(`search.status.${option.value}` as MessageKey);
  return option.label;
}

function Facets({ page, search }: { page: SearchPage; search: string }) {
  const t = useT();
  const groups = facetGroups.filter(([group]) => page.facets[group].length > 0);
  if (groups.length === 0) return <div />;
  return (
    <nav aria-label={t("search.facets.label")} className="flex flex-col gap-5 text-sm">
      {groups.map(([group, parameter, heading]) => (
        <section key={group} aria-labelledby={`facet-${group}`}>
          <h3 id={`facet-${group}`} className="mb-1 font-semibold text-slate-800">
            {t(heading)}
          </h3>
          <ul className="flex flex-col gap-0.5">
            {page.facets[group].map((option) => (
              <li key={option.value}>
                <Link
                  to={withChange(search, { toggle: [parameter, option.value] })}
                  className={`flex justify-between gap-2 rounded px-2 py-1 ${option.selected ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  <span className="truncate">
                    {option.selected ? "✓ " : ""}
                    {facetLabel(t, group, option)}
                    {option.selected ? <span className="sr-only">, {t("search.facet.selected")}</span> : null}
                  </span>
                  <span className="text-slate-600">{option.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function ResultItem({ result }: { result: SearchPage["results"][number] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="flex flex-col gap-1.5 p-4">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge tone="neutral">{t(`search.result.${result.kind}` as MessageKey)}</Badge>
        {result.status === "solved" ? <Badge tone="success">{t("search.status.solved")}</Badge> : null}
        {result.status === "unanswered" ? <Badge tone="warning">{t("search.status.unanswered")}</Badge> : null}
      </div>
      <h3 className="text-base font-semibold">
        <Link to={result.href} data-result className="text-brand-700 hover:text-brand-800 hover:underline focus:underline">
          <Highlight segments={result.title} />
        </Link>
      </h3>
      {result.snippet.length > 0 ? (
        <p className="text-sm text-slate-700">
          <Highlight segments={result.snippet} />
        </p>
      ) : null}
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
        {result.community && result.kind !== "community" ? <span>{result.community.name}</span> : null}
        {result.site ? <span>· {result.site}</span> : null}
        {result.kind === "question" || result.kind === "answer" ? <span>· {formatDate(locale, result.createdAt, "medium")}</span> : null}
      </p>
      {result.tags.length > 0 ? <TagList tags={result.tags} label={t("search.facet.tag")} /> : null}
    </li>
  );
}

function Pages({ page, search }: { page: SearchPage; search: string }) {
  const t = useT();
  if (page.lastPage <= 1 || page.results.length === 0) return null;
  const link = (target: number) => withChange(search, { set: ["page", target === 1 ? null : String(target)] });
  const linkClass = "inline-block rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100";
  return (
    <nav aria-label={t("search.pagination.label")} className="flex flex-wrap items-center gap-3">
      {page.page > 1 ? (
        <Link to={link(page.page - 1)} rel="prev" className={linkClass}>
          {t("search.pagination.previous")}
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">{t("search.pagination.page", { page: page.page, last: page.lastPage })}</span>
      {page.page < page.lastPage ? (
        <Link to={link(page.page + 1)} rel="next" className={linkClass}>
          {t("search.pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}

function PeopleWhoKnow({ page }: { page: SearchPage }) {
  const t = useT();
  if (page.people.length === 0) return <div />;
  return (
    <aside aria-labelledby="people-who-know" className="flex flex-col gap-3">
      <h2 id="people-who-know" className="text-lg font-semibold">
        {t("search.people.title")}
      </h2>
      <ul className="flex flex-col gap-3">
        {page.people.map((person) => (
          <li key={person.id} className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
            <Link to={`/users/${person.id}`} className="font-semibold text-brand-700 hover:underline">
              {person.displayName}
            </Link>
            {person.monitor ? (
              <span className="ml-2">
                <Badge tone="brand">{t("search.people.monitor")}</Badge>
              </span>
            ) : null}
            <p className="text-slate-600">
              {[person.site, t("search.people.in", { community: person.community.name })].filter(Boolean).join(" · ")}
            </p>
            {person.tags.length > 0 ? <TagList tags={person.tags} label={t("search.facet.tag")} /> : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
