import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import {
  communities,
  communityMembers,
  posts,
  replies,
  sites,
  users,
  type Community,
  type CommunityRole,
  type Post,
  type Reply,
  type Site,
  type User,
} from "../../db/schema";
import { hashPassword } from "../../server/auth/passwords";
import type { Guilde } from "../../server/context";
import { answerQuestion } from "../../server/questions/answer-question";
import { askQuestion } from "../../server/questions/ask-question";

export const testPassword = "correct horse battery";
let testPasswordHash: Promise<string> | undefined;

let sequence = 0;
const next = () => ++sequence;

export async function site(guilde: Guilde, values: Partial<Omit<Site, "id" | "createdAt">> = {}): Promise<Site> {
  const n = next();
  const [row] = await guilde.db
    .insert(sites)
    .values({ id: newId(), name: `Store ${n}`, city: `City ${n}`, kind: "store", ...values })
    .returning();
  return row;
}

type UserValues = Partial<Pick<User, "email" | "displayName" | "locale" | "title" | "bio">> & { site?: Site };

async function user(guilde: Guilde, role: User["role"], { site: userSite, ...values }: UserValues): Promise<User> {
  const n = next();
  testPasswordHash ??= hashPassword(testPassword);
  const siteId = role === "customer" ? null : (userSite ?? (await site(guilde))).id;
  const [row] = await guilde.db
    .insert(users)
    .values({
      id: newId(),
      email: `person${n}@guilde.test`,
      handle: `person${n}`,
      displayName: `Person ${n}`,
      passwordHash: await testPasswordHash,
      role,
      siteId,
      ...values,
    })
    .returning();
  return row;
}

export const employee = (guilde: Guilde, values: UserValues = {}) => user(guilde, "employee", values);
export const admin = (guilde: Guilde, values: UserValues = {}) => user(guilde, "admin", values);
/** A customer, already a member of the open community they were invited to, when given. */
export async function customer(guilde: Guilde, { invitedTo, ...values }: UserValues & { invitedTo?: Community } = {}): Promise<User> {
  const person = await user(guilde, "customer", values);
  if (invitedTo) await membership(guilde, invitedTo, person);
  return person;
}

let communitySequence = 0;

export async function community(
  guilde: Guilde,
  values: Partial<Omit<Community, "id" | "createdAt">> = {},
): Promise<Community> {
  const n = ++communitySequence;
  const [row] = await guilde.db
    .insert(communities)
    .values({ id: newId(), slug: `community-${n}`, name: `Community ${n}`, visibility: "internal", ...values })
    .returning();
  return row;
}

/** Puts a person in a community with a role, as if they had joined (and been promoted). */
export async function membership(
  guilde: Guilde,
  of: Community,
  person: User,
  role: CommunityRole = "member",
  { topics = [], status = "active" }: { topics?: string[]; status?: "active" | "pending" } = {},
): Promise<void> {
  await guilde.db.insert(communityMembers).values({
    communityId: of.id,
    userId: person.id,
    role,
    status,
    monitorTopics: topics,
    monitorSince: role === "monitor" ? new Date() : null,
  });
}

/** A question asked through the real service, so that its notifications and follows exist too. */
export async function question(
  guilde: Guilde,
  { in: where, by, title, body, tags }: { in: Community; by: User; title?: string; body?: string; tags?: string[] },
): Promise<Post> {
  const { questionId } = await askQuestion(guilde, {
    viewer: by,
    communityId: where.id,
    input: {
      title: title ?? `How do I true a wheel number ${++communitySequence}?`,
      body: body ?? "The rear wheel wobbles after a fall. Which spokes should I tighten first?",
      tags: tags ?? [],
    },
  });
  const [row] = await guilde.db.select().from(posts).where(eq(posts.id, questionId));
  return row;
}

export async function answer(guilde: Guilde, { to, by, body }: { to: Post; by: User; body?: string }): Promise<Reply> {
  const { answerId } = await answerQuestion(guilde, {
    viewer: by,
    questionId: to.id,
    input: { body: body ?? "Loosen the spokes on the side it rubs, tighten the opposite ones, a quarter turn at a time." },
  });
  const [row] = await guilde.db.select().from(replies).where(eq(replies.id, answerId));
  return row;
}
