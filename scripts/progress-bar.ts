/** One line of a command's progress: `[████░░░]  40%  4,000/10,000 posts  812 posts/s  ETA 7 s`. */
export function progressBar({ done, total, unit }: { done: number; total: number; unit: string }, started: number): string {
  const width = 30;
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${unit}  ${Math.round(rate).toLocaleString("en-US")} ${unit}/s  ETA ${eta} s`;
}
