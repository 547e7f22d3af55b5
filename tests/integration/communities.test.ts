import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, communities, communityMembers, notifications } from "../../db/schema";
import { createCommunity } from "../../server/communities/create-community";
import { getCommunity } from "../../server/communities/get-community";
import { listCommunities } from "../../server/communities/list-communities";
import { listMembers } from "../../server/communities/list-members";
import { decideJoinRequest, joinCommunity, leaveCommunity, setModerator } from "../../server/communities/memberships";
import { applyToBeMonitor, decideMonitorApplication, withdrawMonitor } from "../../server/communities/monitors";
import { setCommunityArchived, updateCommunity } from "../../server/communities/update-community";
import { Conflict, Forbidden, Invalid, NotFound } from "../../server/errors";
import { getProfile } from "../../server/people/get-profile";
import { askQuestion } from "../../server/questions/ask-question";
import { admin, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

const cyclingInput = {
  name: "Cycling repair",
  slug: "cycling-repair",
  description: "Wheels, brakes and gears: the workshop's know-how.",
  themes: "freins, roues, vtt",
  color: "#0f766e",
  visibility: "internal",
};

async function membershipOf(communityId: string, userId: string) {
  const [row] = await guilde.db
    .select()
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
  return row ?? null;
}

async function notificationsOf(userId: string) {
  return guilde.db.select().from(notifications).where(eq(notifications.userId, userId));
}

describe("creating communities", () => {
  it("an admin creates a community and becomes its moderator", async () => {
    const camille = await admin(guilde);
    const { communityId, slug } = await createCommunity(guilde, { viewer: camille, input: cyclingInput });
    expect(slug).toBe("cycling-repair");
    const [row] = await guilde.db.select().from(communities).where(eq(communities.id, communityId));
    expect(row).toMatchObject({ name: "Cycling repair", themes: ["freins", "roues", "vtt"], visibility: "internal" });
    expect(await membershipOf(communityId, camille.id)).toMatchObject({ role: "moderator", status: "active" });
    expect(await guilde.db.select().from(auditLog)).toHaveLength(1);
  });

  it("a moderator of a community may create another; a plain employee may not", async () => {
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    await membership(guilde, await community(guilde), hugo, "moderator");
    await expect(createCommunity(guilde, { viewer: hugo, input: cyclingInput })).resolves.toMatchObject({ slug: "cycling-repair" });
    await expect(createCommunity(guilde, { viewer: lea, input: { ...cyclingInput, slug: "other" } })).rejects.toThrow(Forbidden);
  });

  it.each([
    ["a taken address", { slug: "cycling-repair" }, "slug"],
    ["an address with spaces", { slug: "cycling repair" }, "slug"],
    ["an unknown visibility", { visibility: "secret" }, "visibility"],
    ["a colour that is not one", { color: "red; background: url(x)" }, "color"],
    ["a cover image over http", { coverImageUrl: "http://example.com/a.png" }, "coverImageUrl"],
    ["a one-letter name", { name: "C" }, "name"],
  ])("refuses %s with a field error", async (_case, override, field) => {
    const camille = await admin(guilde);
    await createCommunity(guilde, { viewer: camille, input: cyclingInput });
    const error = await createCommunity(guilde, { viewer: camille, input: { ...cyclingInput, slug: "second", ...override } }).catch((caught) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors)).toEqual([field]);
    expect(await guilde.db.select().from(communities)).toHaveLength(1);
  });

  it("a moderator edits the community; an archived community takes no new question or member", async () => {
    const camille = await admin(guilde);
    const lea = await employee(guilde);
    const { communityId } = await createCommunity(guilde, { viewer: camille, input: cyclingInput });
    await updateCommunity(guilde, { viewer: camille, communityId, input: { ...cyclingInput, name: "Atelier cycle" } });
    await expect(updateCommunity(guilde, { viewer: lea, communityId, input: cyclingInput })).rejects.toThrow(Forbidden);

    await setCommunityArchived(guilde, { viewer: camille, communityId, archived: true });
    await expect(joinCommunity(guilde, { viewer: lea, communityId })).rejects.toThrow(Forbidden);
    await expect(
      askQuestion(guilde, { viewer: lea, communityId, input: { title: "A question after archiving", body: "Is anybody still here to answer this?" } }),
    ).rejects.toThrow(Forbidden);
    const page = await getCommunity(guilde, { viewer: lea, slug: "cycling-repair" });
    expect(page.community.name).toBe("Atelier cycle");
    expect(page.community.archivedAt).not.toBeNull();
    expect(page.may.read).toBe(true);
  });
});

describe("joining", () => {
  it("an employee joins an internal community at once and leaves it", async () => {
    const lea = await employee(guilde);
    const cycling = await community(guilde);
    await expect(joinCommunity(guilde, { viewer: lea, communityId: cycling.id })).resolves.toEqual({ status: "active" });
    await expect(joinCommunity(guilde, { viewer: lea, communityId: cycling.id })).rejects.toThrow(Forbidden);
    await leaveCommunity(guilde, { viewer: lea, communityId: cycling.id });
    expect(await membershipOf(cycling.id, lea.id)).toBeNull();
  });

  it("a private community takes a request, which its moderator approves", async () => {
    const lea = await employee(guilde);
    const hugo = await employee(guilde);
    const intruder = await employee(guilde);
    const committee = await community(guilde, { visibility: "private", name: "Comité de direction" });
    await membership(guilde, committee, hugo, "moderator");

    await expect(joinCommunity(guilde, { viewer: lea, communityId: committee.id })).resolves.toEqual({ status: "pending" });
    expect((await notificationsOf(hugo.id)).map((row) => row.kind)).toEqual(["join_request"]);
    expect((await getCommunity(guilde, { viewer: lea, slug: committee.slug })).may.read).toBe(false);

    await expect(
      decideJoinRequest(guilde, { viewer: intruder, communityId: committee.id, userId: lea.id, input: { decision: "approve" } }),
    ).rejects.toThrow(Forbidden);
    await decideJoinRequest(guilde, { viewer: hugo, communityId: committee.id, userId: lea.id, input: { decision: "approve" } });
    expect(await membershipOf(committee.id, lea.id)).toMatchObject({ status: "active" });
    expect((await notificationsOf(lea.id)).map((row) => row.kind)).toEqual(["join_request_decided"]);
    expect((await getCommunity(guilde, { viewer: lea, slug: committee.slug })).may.read).toBe(true);
  });

  it("a customer joins an open community but cannot see an internal one", async () => {
    const bob = await customer(guilde);
    const forum = await community(guilde, { visibility: "open" });
    const internal = await community(guilde, { visibility: "internal" });
    await expect(joinCommunity(guilde, { viewer: bob, communityId: forum.id })).resolves.toEqual({ status: "active" });
    await expect(joinCommunity(guilde, { viewer: bob, communityId: internal.id })).rejects.toThrow(NotFound);
    await expect(getCommunity(guilde, { viewer: bob, slug: internal.slug })).rejects.toThrow(NotFound);
  });
});

describe("monitors", () => {
  it("a member applies, a moderator approves: they are a monitor of their topics, shown with their site", async () => {
    const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
    const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
    const hugo = await employee(guilde);
    const cycling = await community(guilde, { name: "Cycling repair" });
    await membership(guilde, cycling, hugo, "moderator");
    await membership(guilde, cycling, karim);

    const { applicationId } = await applyToBeMonitor(guilde, {
      viewer: karim,
      communityId: cycling.id,
      input: { motivation: "Ten years in the workshop, hydraulic brakes are my thing.", topics: "freins, hydraulique" },
    });
    await expect(
      applyToBeMonitor(guilde, { viewer: karim, communityId: cycling.id, input: { motivation: "Again, ten years in the workshop.", topics: "freins" } }),
    ).rejects.toThrow(Conflict);
    expect((await notificationsOf(hugo.id)).map((row) => row.kind)).toEqual(["monitor_application"]);

    await decideMonitorApplication(guilde, { viewer: hugo, applicationId, input: { decision: "approve", note: "Welcome aboard!" } });
    expect(await membershipOf(cycling.id, karim.id)).toMatchObject({ role: "monitor", monitorTopics: ["freins", "hydraulique"] });
    const page = await getCommunity(guilde, { viewer: hugo, slug: cycling.slug });
    expect(page.monitors).toEqual([expect.objectContaining({ displayName: "Karim Benali", siteName: "Lille Centre", topics: ["freins", "hydraulique"] })]);
    const profile = await getProfile(guilde, { viewer: hugo, userId: karim.id });
    expect(profile.communities).toEqual([expect.objectContaining({ name: "Cycling repair", role: "monitor", monitorSince: expect.any(Date) })]);
    expect((await notificationsOf(karim.id)).map((row) => [row.kind, row.summary.note])).toEqual([["monitor_application_decided", "Welcome aboard!"]]);

    await expect(decideMonitorApplication(guilde, { viewer: hugo, applicationId, input: { decision: "decline" } })).rejects.toThrow(Conflict);
    await withdrawMonitor(guilde, { viewer: hugo, communityId: cycling.id, userId: karim.id, reason: "Moved to another job" });
    expect(await membershipOf(cycling.id, karim.id)).toMatchObject({ role: "member", monitorSince: null });
  });

  it("refuses applications from non-members, empty motivations and decisions by non-moderators", async () => {
    const lea = await employee(guilde);
    const karim = await employee(guilde);
    const cycling = await community(guilde);
    await expect(
      applyToBeMonitor(guilde, { viewer: lea, communityId: cycling.id, input: { motivation: "I would love to help everyone here.", topics: "roues" } }),
    ).rejects.toThrow(Forbidden);
    await membership(guilde, cycling, lea);
    await expect(applyToBeMonitor(guilde, { viewer: lea, communityId: cycling.id, input: { motivation: "", topics: "" } })).rejects.toMatchObject({
      fieldErrors: { motivation: ["errors.motivationTooShort"], topics: ["errors.topicsRequired"] },
    });
    const { applicationId } = await applyToBeMonitor(guilde, {
      viewer: lea,
      communityId: cycling.id,
      input: { motivation: "I would love to help everyone here.", topics: "roues" },
    });
    await expect(decideMonitorApplication(guilde, { viewer: karim, applicationId, input: { decision: "approve" } })).rejects.toThrow(Forbidden);
  });

  it("only admins appoint moderators, and never customers", async () => {
    const camille = await admin(guilde);
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    const bob = await customer(guilde);
    const forum = await community(guilde, { visibility: "open" });
    await membership(guilde, forum, hugo, "moderator");
    await expect(setModerator(guilde, { viewer: hugo, communityId: forum.id, userId: lea.id, moderator: true })).rejects.toThrow(Forbidden);
    await setModerator(guilde, { viewer: camille, communityId: forum.id, userId: lea.id, moderator: true });
    expect(await membershipOf(forum.id, lea.id)).toMatchObject({ role: "moderator" });
    await expect(setModerator(guilde, { viewer: camille, communityId: forum.id, userId: bob.id, moderator: true })).rejects.toThrow(Invalid);
  });
});

describe("listing", () => {
  it("customers know of open communities only; employees see private ones without their activity", async () => {
    const lea = await employee(guilde);
    const bob = await customer(guilde);
    const open = await community(guilde, { visibility: "open", name: "A product forum" });
    const internal = await community(guilde, { visibility: "internal", name: "B store operations" });
    const secret = await community(guilde, { visibility: "private", name: "C committee" });
    const moderator = await employee(guilde);
    await membership(guilde, secret, moderator);
    await question(guilde, { in: secret, by: moderator });
    await question(guilde, { in: internal, by: lea });

    const forBob = await listCommunities(guilde, { viewer: bob });
    expect(forBob.items.map((item) => item.name)).toEqual([open.name]);
    const forLea = await listCommunities(guilde, { viewer: lea });
    expect(forLea.items.map((item) => [item.name, item.questionCount])).toEqual([
      [open.name, 0],
      [internal.name, 1],
      [secret.name, null],
    ]);
  });

  it("pages through communities by name without skipping or repeating", async () => {
    const lea = await employee(guilde);
    for (let n = 0; n < 7; n++) await community(guilde, { name: `Community ${String.fromCharCode(71 - n)}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listCommunities(guilde, { viewer: lea, cursor, limit: 3 });
      seen.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["A", "B", "C", "D", "E", "F", "G"].map((letter) => `Community ${letter}`));
  });

  it("members are listed to readers; requests and applications to moderators only", async () => {
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    const newcomer = await employee(guilde);
    const club = await community(guilde, { visibility: "private" });
    await membership(guilde, club, hugo, "moderator");
    await membership(guilde, club, lea);
    await joinCommunity(guilde, { viewer: newcomer, communityId: club.id });

    const forHugo = await listMembers(guilde, { viewer: hugo, communityId: club.id });
    expect(forHugo.items.map((member) => member.id).sort()).toEqual([hugo.id, lea.id].sort());
    expect(forHugo.joinRequests.map((request) => request.id)).toEqual([newcomer.id]);
    const forLea = await listMembers(guilde, { viewer: lea, communityId: club.id });
    expect(forLea.joinRequests).toEqual([]);
    await expect(listMembers(guilde, { viewer: newcomer, communityId: club.id })).rejects.toThrow(NotFound);
  });
});

describe("people in member lists", () => {
  it("a customer sees the employees of an open community but no other customer", async () => {
    const forum = await community(guilde, { visibility: "open" });
    const [bob, carol] = [await customer(guilde), await customer(guilde)];
    const sophie = await employee(guilde);
    for (const person of [bob, carol, sophie]) await membership(guilde, forum, person);
    const forBob = await listMembers(guilde, { viewer: bob, communityId: forum.id });
    expect(forBob.items.map((member) => member.id).sort()).toEqual([bob.id, sophie.id].sort());
    const forSophie = await listMembers(guilde, { viewer: sophie, communityId: forum.id });
    expect(forSophie.items).toHaveLength(3);
  });
});
