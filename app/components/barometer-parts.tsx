import { useT } from "~/i18n";

/** A round closes at the end of its last day: the day shown is the one just before `closesAt`. */
export function lastDayOf(closesAt: Date | string): Date {
  return new Date(new Date(closesAt).getTime() - 1);
}

/** How many answered each score, 0 to 10, as a table a screen reader reads row by row. */
export function DistributionTable({ distribution, caption }: { distribution: number[]; caption: string }) {
  const t = useT();
  const most = Math.max(1, ...distribution);
  return (
    <table className="w-full max-w-md text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">{t("barometers.col.scoreValue")}</th>
          <th scope="col" className="py-1 pr-3 text-right">{t("barometers.col.count")}</th>
          <td aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {distribution.map((answers, score) => (
          <tr key={score} className="border-b border-slate-100">
            <th scope="row" className="py-0.5 pr-3 font-normal tabular-nums">{score}</th>
            <td className="py-0.5 pr-3 text-right tabular-nums">{answers}</td>
            <td aria-hidden="true" className="w-1/2 py-0.5">
              <span className="block h-2 rounded bg-brand-700" style={{ width: `${(100 * answers) / most}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
