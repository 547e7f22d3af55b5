import { eq, sql } from "drizzle-orm";
import type { Guilde } from "../server/context";
import { adoptIdea } from "../server/ideas/adopt-idea";
import { changeIdeaStatus } from "../server/ideas/change-idea-status";
import { commentOnIdea } from "../server/ideas/comment-on-idea";
import { proposeIdea } from "../server/ideas/propose-idea";
import { voteOnIdea } from "../server/ideas/vote-on-idea";
import { ideaAdoptions, ideas, ideaStatusChanges, ideaVotes, notifications, posts, replies, type IdeaStatus, type User } from "./schema";

/**
 * The demo's ideas, in several communities and at every step of the workflow: one implemented and
 * adopted by two sites, one declined with its reason, one gathering votes this week. Written through
 * the real services (notifications, follows, timeline), then moved back in time.
 */
interface DemoIdea {
  community: string;
  by: string;
  proposedDaysAgo: number;
  title: string;
  problem: string;
  proposal: string;
  benefit: string;
  tags: string[];
  /** Each step: who moved it, how many days after it was proposed, with which note. */
  steps?: { to: IdeaStatus; by: string; afterDays: number; note: string }[];
  voters: string[];
  /** Votes cast in the last days, which make it trend. */
  recentVotes?: boolean;
  comments?: { by: string; afterDays: number; body: string }[];
  adoptedBy?: string[];
}

const demoIdeas: DemoIdea[] = [
  {
    community: "cycling-repair",
    by: "karim.benali",
    proposedDaysAgo: 60,
    title: "Shared booking calendar for workshop repairs",
    problem: "Customers queue at the workshop counter to book a repair, and each store keeps its booking book on paper: nobody knows when a bike will be ready.",
    proposal: "One online calendar per workshop, where the counter and customers book a slot, with an SMS when the bike is ready.",
    benefit: "No more queue at the counter, and the workshop plans its week.",
    tags: ["atelier", "réservation"],
    steps: [
      { to: "under_review", by: "hugo.martin", afterDays: 3, note: "We look at the calendar tools the head office already pays for." },
      { to: "planned", by: "hugo.martin", afterDays: 10, note: "Pilot at Lille Centre in the next fortnight." },
      { to: "in_progress", by: "hugo.martin", afterDays: 20, note: "Lille books online since Monday; first feedback is good." },
      { to: "implemented", by: "hugo.martin", afterDays: 35, note: "Available to every workshop: ask the head office for your calendar." },
    ],
    voters: ["lea.dubois", "thomas.petit", "lucas.garnier", "hugo.martin"],
    comments: [{ by: "thomas.petit", afterDays: 4, body: "Nantes would love this: Saturdays are hard at the counter." }],
    adoptedBy: ["lea.dubois", "thomas.petit"],
  },
  {
    community: "cycling-repair",
    by: "lea.dubois",
    proposedDaysAgo: 25,
    title: "Stock spare hydraulic hoses in every workshop",
    problem: "A cut brake hose means ordering one from the warehouse: the bike waits four days.",
    proposal: "Keep two hoses of each common length and their olives and inserts in every workshop.",
    benefit: "Brake repairs done the same day instead of four days later.",
    tags: ["freins", "hydraulique", "stock"],
    steps: [
      { to: "under_review", by: "hugo.martin", afterDays: 2, note: "Checking the cost of the stock with the warehouse." },
      { to: "planned", by: "hugo.martin", afterDays: 9, note: "The warehouse sends a starter kit to each workshop next month." },
    ],
    voters: ["karim.benali", "thomas.petit", "lucas.garnier"],
  },
  {
    community: "cycling-repair",
    by: "thomas.petit",
    proposedDaysAgo: 30,
    title: "Lend a bike while the customer's bike is repaired",
    problem: "Customers who ride to work are stuck while their bike is in the workshop.",
    proposal: "Keep two ex-rental bikes per store to lend during repairs.",
    benefit: "Customers stay loyal to our workshop rather than going to the independent one next door.",
    tags: ["atelier", "service"],
    steps: [
      {
        to: "declined",
        by: "hugo.martin",
        afterDays: 6,
        note: "Insurance does not cover bikes lent to customers; the booking calendar should shorten the wait instead.",
      },
    ],
    voters: ["lucas.garnier"],
  },
  {
    community: "cycling-repair",
    by: "lucas.garnier",
    proposedDaysAgo: 5,
    title: "Show the workshop tutorials on a screen at the counter",
    problem: "Customers ask the same questions at the counter: how to fix a puncture, how to adjust brakes.",
    proposal: "A screen at the workshop counter playing Karim's short tutorials on a loop.",
    benefit: "Fewer repeated questions, and customers who learn to do small repairs buy the parts from us.",
    tags: ["atelier", "tutoriels"],
    voters: ["lea.dubois", "karim.benali", "hugo.martin", "thomas.petit"],
    recentVotes: true,
  },
  {
    community: "whitewater",
    by: "sophie.moreau",
    proposedDaysAgo: 14,
    title: "Rent a kayak for a weekend before buying it",
    problem: "Customers hesitate between two kayaks worth a thousand euros and leave without deciding.",
    proposal: "Rent the display models for a weekend, with the rental deducted if they buy.",
    benefit: "More sales of high-end kayaks, and fewer returns.",
    tags: ["kayak", "location"],
    steps: [{ to: "under_review", by: "camille.laurent", afterDays: 4, note: "The rental team studies it with the insurer." }],
    voters: ["hugo.martin", "karim.benali", "emma.roux"],
    recentVotes: true,
  },
];

/** Demo times are days before today, at ten in the morning. */
const daysAgo = (days: number) => {
  const day = new Date();
  day.setHours(10, 0, 0, 0);
  day.setDate(day.getDate() - days);
  return day;
};

export async function seedDemoIdeas(guilde: Guilde, { person, communityIds }: { person: (handle: string) => User; communityIds: Map<string, string> }): Promise<void> {
  for (const demo of demoIdeas) {
    const proposedAt = daysAgo(demo.proposedDaysAgo);
    const { title, problem, proposal, benefit, tags } = demo;
    const { ideaId } = await proposeIdea(guilde, { viewer: person(demo.by), communityId: communityIds.get(demo.community)!, input: { title, problem, proposal, benefit, tags } });
    for (const voter of demo.voters) await voteOnIdea(guilde, { viewer: person(voter), ideaId, input: { vote: true } });
    for (const comment of demo.comments ?? []) {
      const { commentId } = await commentOnIdea(guilde, { viewer: person(comment.by), ideaId, input: { body: comment.body } });
      await guilde.db.update(replies).set({ createdAt: daysAgo(demo.proposedDaysAgo - comment.afterDays) }).where(eq(replies.id, commentId));
    }
    let lastActivity = proposedAt;
    for (const step of demo.steps ?? []) {
      await changeIdeaStatus(guilde, { viewer: person(step.by), ideaId, input: { status: step.to, note: step.note } });
      const at = daysAgo(demo.proposedDaysAgo - step.afterDays);
      await guilde.db.execute(sql`update ${ideaStatusChanges} set created_at = ${at.toISOString()}::timestamptz where idea_id = ${ideaId} and to_status = ${step.to}`);
      await guilde.db.update(ideas).set({ statusChangedAt: at }).where(eq(ideas.postId, ideaId));
      await guilde.db.execute(
        sql`update ${notifications} set created_at = ${at.toISOString()}::timestamptz where post_id = ${ideaId} and kind = 'idea_status_changed' and summary->>'decision' = ${step.to}`,
      );
      lastActivity = at;
    }
    for (const [index, handle] of (demo.adoptedBy ?? []).entries()) {
      await adoptIdea(guilde, { viewer: person(handle), ideaId, adopted: true });
      const at = daysAgo(Math.max(1, demo.proposedDaysAgo - 36 - index * 4));
      await guilde.db.execute(sql`update ${ideaAdoptions} set created_at = ${at.toISOString()}::timestamptz where idea_id = ${ideaId} and adopted_by_id = ${person(handle).id}`);
      await guilde.db.execute(sql`update ${notifications} set created_at = ${at.toISOString()}::timestamptz where post_id = ${ideaId} and kind = 'idea_adopted' and actor_id = ${person(handle).id}`);
    }
    await guilde.db.update(posts).set({ createdAt: proposedAt, lastActivityAt: lastActivity }).where(eq(posts.id, ideaId));
    await guilde.db.execute(sql`update ${ideaStatusChanges} set created_at = ${proposedAt.toISOString()}::timestamptz where idea_id = ${ideaId} and from_status is null`);
    // Votes came in over the idea's first days, or in the last two days for the ones trending now.
    const votesFrom = demo.recentVotes ? daysAgo(2) : proposedAt;
    await guilde.db.execute(sql`
      update ${ideaVotes} set created_at = ${votesFrom.toISOString()}::timestamptz + (random() * interval '36 hours')
      where idea_id = ${ideaId}`);
    await guilde.db.execute(sql`update ${notifications} n set created_at = r.created_at from ${replies} r where r.id = n.reply_id and n.post_id = ${ideaId}`);
  }
  // As for the rest of the demo: what reached people more than three days ago has been read.
  await guilde.db.execute(sql`
    update ${notifications} set read_at = created_at + interval '1 hour'
    where kind in ('idea_status_changed', 'idea_comment', 'idea_adopted') and created_at < now() - interval '3 days'`);
}
