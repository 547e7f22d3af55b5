import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A person's name linking to their profile, with an optional mark ("Monitor") and their site. */
export function PersonLink({
  person,
  site,
  mark,
}: {
  person: { id: string; displayName: string };
  site?: string | null;
  mark?: ReactNode;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      <Link to={`/users/${person.id}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
        {person.displayName}
      </Link>
      {mark}
      {site ? <span className="text-sm text-slate-600">· {site}</span> : null}
    </span>
  );
}
