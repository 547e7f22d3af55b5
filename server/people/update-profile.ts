import { eq } from "drizzle-orm";
import { sites, users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { profileSchema, type ProfileInput } from "./schemas";

export async function updateProfile(
  guilde: Guilde,
  { viewer, userId, input }: { viewer: Viewer; userId: string; input: Untrusted<ProfileInput> },
): Promise<void> {
  const data = parseInput(profileSchema, input);
  await write(guilde, async (tx, emit) => {
    const [target] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
    if (!target) throw new NotFound();
    ensureCan(viewer, { action: "profile.edit", profile: target }, "hide");
    if (data.siteId) {
      if (target.role === "customer") throw new Invalid({ siteId: ["errors.invalidChoice"] });
      const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, data.siteId));
      if (!site) throw new Invalid({ siteId: ["errors.siteRequired"] });
    }
    await tx
      .update(users)
      .set({
        displayName: data.displayName,
        title: data.title,
        bio: data.bio,
        ...(data.siteId ? { siteId: data.siteId } : {}),
        ...(data.locale !== undefined ? { locale: data.locale } : {}),
        ...(data.digestFrequency ? { digestFrequency: data.digestFrequency } : {}),
      })
      .where(eq(users.id, userId));
    emit({ type: "person.changed", userId });
    if (target.id !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "user.editProfile", targetKind: "user", targetId: target.id });
    }
  });
}

/** The language switcher: a signed-in user's choice is remembered on their account. */
export async function setLocale(guilde: Guilde, { viewer, locale }: { viewer: Viewer; locale: "en" | "fr" }) {
  if (!viewer) return;
  await guilde.db.update(users).set({ locale }).where(eq(users.id, viewer.id));
}
