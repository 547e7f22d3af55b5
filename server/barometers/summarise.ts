/**
 * A round's results from its answer counts, with the privacy rule applied: a group (a site, a
 * community) with fewer answers than the threshold shows no figure. Pure, so that the rule is tested
 * on its own.
 *
 * The overall figure must not give a hidden group away by subtraction (overall − the groups shown).
 * So the groups under the threshold are pooled: when the pool reaches the threshold it is shown as one
 * group ("other sites") and counts in the overall figure; when it does not, none of its answers count
 * anywhere, and the overall figure says that some were left out. Either way, overall = the groups shown
 * + the pool when shown, exactly, and nothing smaller than the threshold can be worked out from them.
 */

/** How many answers of a group gave a score. */
export interface ScoreCount {
  groupKey: string;
  score: number;
  answers: number;
}

export interface Figures {
  answers: number;
  /** Recommendation score: % promoters (9–10) minus % detractors (0–6), rounded, from −100 to 100. */
  score: number;
  /** How many answered each score, 0 to 10. */
  distribution: number[];
}

export interface Summary {
  /** Every group that answered, by key, with its figures or `null` under the threshold. */
  groups: { key: string; figures: Figures | null }[];
  /** The groups under the threshold taken together, when there are several and they reach it. */
  pooled: { keys: string[]; figures: Figures } | null;
  /** The groups shown and the pool when shown; `null` when nothing reaches the threshold. */
  overall: Figures | null;
  /** Some answers (of hidden groups, too few even together) are in no figure. */
  leftOut: boolean;
}

export function figuresOf(distribution: number[]): Figures {
  const answers = distribution.reduce((sum, n) => sum + n, 0);
  const promoters = distribution[9] + distribution[10];
  const detractors = distribution.slice(0, 7).reduce((sum, n) => sum + n, 0);
  return { answers, score: answers === 0 ? 0 : Math.round((100 * (promoters - detractors)) / answers), distribution };
}

const emptyDistribution = () => Array.from({ length: 11 }, () => 0);

function add(into: number[], from: number[]): number[] {
  return into.map((n, score) => n + from[score]);
}

export function summarise(counts: ScoreCount[], threshold: number): Summary {
  const byGroup = new Map<string, number[]>();
  for (const { groupKey, score, answers } of counts) {
    const distribution = byGroup.get(groupKey) ?? emptyDistribution();
    distribution[score] += answers;
    byGroup.set(groupKey, distribution);
  }
  const groups: Summary["groups"] = [];
  const hiddenKeys: string[] = [];
  let shown = emptyDistribution();
  let hidden = emptyDistribution();
  for (const [key, distribution] of byGroup) {
    const figures = figuresOf(distribution);
    if (figures.answers >= threshold) {
      groups.push({ key, figures });
      shown = add(shown, distribution);
    } else {
      groups.push({ key, figures: null });
      hiddenKeys.push(key);
      hidden = add(hidden, distribution);
    }
  }
  const hiddenFigures = figuresOf(hidden);
  const pooled = hiddenKeys.length >= 2 && hiddenFigures.answers >= threshold ? { keys: hiddenKeys, figures: hiddenFigures } : null;
  const overallDistribution = pooled ? add(shown, hidden) : shown;
  const overall = figuresOf(overallDistribution);
  return {
    groups,
    pooled,
    overall: overall.answers > 0 ? overall : null,
    leftOut: hiddenFigures.answers > 0 && pooled === null,
  };
}
