import { and, count, desc, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { barometerAnswers, barometerRounds, communities, sites, type BarometerAudience, type BarometerRound } from "../../db/schema";
import type { Guilde } from "../context";
import type { Viewer } from "../policy";
import { isOpen, roundFor } from "./access";
import { summarise, type Figures, type ScoreCount, type Summary } from "./summarise";

/** How many past rounds the trend goes back over, this one included. */
const trendRounds = 12;
/** The most comments a results page lists (in an order that says nothing of when they were written). */
const maxComments = 500;

export interface GroupResult {
  key: string;
  /** The site's or community's name; null for employees without a site. */
  name: string | null;
  figures: Figures | null;
  comments: string[];
}

export interface RoundResults {
  round: { id: string; title: string; subject: string; audience: BarometerRound["audience"]; community: { id: string; name: string } | null; opensAt: Date; closesAt: Date | null; open: boolean };
  threshold: number;
  answerCount: number;
  /** Only once the round is closed: until then, watching the figures move would tell who just answered what. */
  results: { overall: Figures | null; leftOut: boolean; groups: GroupResult[]; pooled: { figures: Figures; comments: string[] } | null } | null;
  /** This round and the closed ones before it of the same audience, oldest first: the score per group. */
  trend: { roundId: string; title: string; opensAt: Date; overall: Figures | null; groups: { key: string; figures: Figures | null }[] }[];
  /** The names of every group the trend mentions. */
  groupNames: Record<string, string | null>;
}

/**
 * A round's results for an administrator: the recommendation score, the distribution and the comments
 * per site (employees' rounds) or community (customers' rounds), and the trend across rounds. Groups
 * under `BAROMETER_MIN_ANSWERS` show nothing (see summarise.ts); no respondent is ever read.
 */
export async function barometerResults(guilde: Guilde, { viewer, roundId, now = new Date() }: { viewer: Viewer; roundId: string; now?: Date }): Promise<RoundResults> {
  const { db } = guilde;
  const { round, community } = await roundFor(db, viewer, roundId, { now, action: "barometer.viewResults" });
  const threshold = guilde.config.barometerMinAnswers;
  const open = isOpen(round, now);
  const [{ answers }] = await db.select({ answers: count() }).from(barometerAnswers).where(eq(barometerAnswers.roundId, roundId));
  const roundView = {
    id: round.id,
    title: round.title,
    subject: round.subject,
    audience: round.audience,
    community: community ? { id: community.id, name: community.name } : null,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    open,
  };
  if (open) return { round: roundView, threshold, answerCount: answers, results: null, trend: [], groupNames: {} };

  const previous = await db
    .select({ id: barometerRounds.id, title: barometerRounds.title, opensAt: barometerRounds.opensAt })
    .from(barometerRounds)
    .where(
      and(
        eq(barometerRounds.audience, round.audience),
        round.communityId ? eq(barometerRounds.communityId, round.communityId) : isNull(barometerRounds.communityId),
        lte(barometerRounds.opensAt, round.opensAt),
        or(isNotNull(barometerRounds.closedAt), lte(barometerRounds.closesAt, now)),
      ),
    )
    .orderBy(desc(barometerRounds.opensAt), desc(barometerRounds.id))
    .limit(trendRounds);
  const trendIds = previous.map((row) => row.id);
  const counts = await scoreCounts(db, round.audience, trendIds);
  const summaries = new Map(trendIds.map((id) => [id, summarise(counts.get(id) ?? [], threshold)]));
  const summary = summaries.get(round.id) ?? summarise([], threshold);

  const groupKeys = [...new Set([...summaries.values()].flatMap((each) => each.groups.map((group) => group.key)))];
  const groupNames = await namesOf(db, round, groupKeys);
  const comments = await commentsOf(db, round, disclosedKeys(summary));
  const pooledKeys = new Set(summary.pooled?.keys ?? []);
  return {
    round: roundView,
    threshold,
    answerCount: answers,
    results: {
      overall: summary.overall,
      leftOut: summary.leftOut,
      groups: summary.groups
        .map((group) => ({ ...group, name: groupNames[group.key] ?? null, comments: group.figures ? (comments.get(group.key) ?? []) : [] }))
        .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "")),
      pooled: summary.pooled ? { figures: summary.pooled.figures, comments: [...pooledKeys].flatMap((key) => comments.get(key) ?? []) } : null,
    },
    trend: previous.reverse().map((row) => {
      const each = summaries.get(row.id) ?? summarise([], threshold);
      return { roundId: row.id, title: row.title, opensAt: row.opensAt, overall: each.overall, groups: each.groups };
    }),
    groupNames,
  };
}

/** What groups answers: the respondent's site in an employees' round, the round's community in a customers' one. */
function groupKeyOf(audience: BarometerAudience): SQL<string> {
  return audience === "employees" ? sql<string>`coalesce(${barometerAnswers.siteId}, '')` : sql<string>`coalesce(${barometerAnswers.communityId}, '')`;
}

/** How many answered each score, per round and group ('' for employees without a site): what `summarise` takes. */
export async function scoreCounts(db: Database, audience: BarometerAudience, roundIds: string[]): Promise<Map<string, ScoreCount[]>> {
  if (roundIds.length === 0) return new Map();
  const groupKey = groupKeyOf(audience);
  const rows = await db
    .select({ roundId: barometerAnswers.roundId, groupKey, score: barometerAnswers.score, answers: count() })
    .from(barometerAnswers)
    .where(inArray(barometerAnswers.roundId, roundIds))
    .groupBy(barometerAnswers.roundId, groupKey, barometerAnswers.score);
  const byRound = new Map<string, ScoreCount[]>();
  for (const row of rows) {
    const list = byRound.get(row.roundId) ?? [];
    list.push({ groupKey: row.groupKey, score: row.score, answers: Number(row.answers) });
    byRound.set(row.roundId, list);
  }
  return byRound;
}

/** The groups whose comments may be read: those shown, and those of the pool when it is shown. */
function disclosedKeys(summary: Summary): string[] {
  return [...summary.groups.filter((group) => group.figures).map((group) => group.key), ...(summary.pooled?.keys ?? [])];
}

async function commentsOf(db: Database, round: BarometerRound, keys: string[]): Promise<Map<string, string[]>> {
  const byGroup = new Map<string, string[]>();
  if (keys.length === 0) return byGroup;
  const groupKey = groupKeyOf(round.audience);
  const rows = await db
    .select({ groupKey, comment: barometerAnswers.comment })
    .from(barometerAnswers)
    .where(and(eq(barometerAnswers.roundId, round.id), isNotNull(barometerAnswers.comment), inArray(groupKey, keys)))
    // The random id: an order that follows neither the time of answering nor anyone's.
    .orderBy(barometerAnswers.id)
    .limit(maxComments);
  for (const row of rows) if (row.comment) byGroup.set(row.groupKey, [...(byGroup.get(row.groupKey) ?? []), row.comment]);
  return byGroup;
}

async function namesOf(db: Database, round: BarometerRound, keys: string[]): Promise<Record<string, string | null>> {
  const ids = keys.filter(Boolean);
  const names: Record<string, string | null> = Object.fromEntries(keys.map((key) => [key, null]));
  if (ids.length === 0) return names;
  const rows =
    round.audience === "employees"
      ? await db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, ids))
      : await db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids));
  for (const row of rows) names[row.id] = row.name;
  return names;
}
