import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sites, users } from "../../db/schema";
import { createOrPromoteAdmin } from "../../server/auth/admins";
import { NotFound } from "../../server/errors";
import { getProfile } from "../../server/people/get-profile";
import { updateProfile } from "../../server/people/update-profile";
import { saveSite } from "../../server/sites/save-site";
import { admin, customer, employee, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { signedInThroughTheForm } from "../support/http";

const guilde = useGuilde();

async function signedIn(email: string) {
  return signedInThroughTheForm((await guilde.serve()).url, email);
}

describe("sites", () => {
  it("an admin adds a site and renames it", async () => {
    const camille = await admin(guilde);
    const browser = await signedIn(camille.email);

    const created = await browser.post("/admin/sites", { name: "Marseille Prado", city: "Marseille", kind: "store" });
    expect(created.status).toBe(302);
    const [marseille] = await guilde.db.select().from(sites).where(eq(sites.name, "Marseille Prado"));
    expect(marseille).toMatchObject({ city: "Marseille", kind: "store" });

    await browser.post("/admin/sites", { siteId: marseille.id, name: "Marseille Vélodrome", city: "Marseille", kind: "store" });
    const [renamed] = await guilde.db.select().from(sites).where(eq(sites.id, marseille.id));
    expect(renamed.name).toBe("Marseille Vélodrome");
  });

  it("refuses a duplicate name or an unknown kind with field errors", async () => {
    const camille = await admin(guilde);
    await site(guilde, { name: "Lille Centre" });
    const browser = await signedIn(camille.email);

    const duplicate = await browser.post("/admin/sites", { name: "Lille Centre", city: "Lille", kind: "store" });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("A site already has this name.");

    const unknownKind = await browser.post("/admin/sites", { name: "Somewhere", city: "Lille", kind: "castle" });
    expect(unknownKind.status).toBe(400);
    expect(await unknownKind.text()).toContain("Choose one of the options.");
  });

  it("an employee neither sees the sites page nor manages sites", async () => {
    const lea = await employee(guilde);
    const browser = await signedIn(lea.email);
    expect((await browser.get("/admin/sites")).status).toBe(404);
    const before = await guilde.db.select().from(sites);
    expect((await browser.post("/admin/sites", { name: "Rogue", city: "Lyon", kind: "store" })).status).toBe(403);
    expect(await guilde.db.select().from(sites)).toEqual(before);
  });
});

describe("profiles", () => {
  it("an employee sees a colleague's profile with site, title and bio", async () => {
    const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
    const karim = await employee(guilde, { displayName: "Karim Benali", title: "Technicien atelier", bio: "Freins hydrauliques." });
    const lea = await employee(guilde, { site: lyon });
    const browser = await signedIn(lea.email);
    const html = await (await browser.get(`/users/${karim.id}`)).text();
    expect(html).toContain("Karim Benali");
    expect(html).toContain("Technicien atelier");
    expect(html).toContain("Freins hydrauliques.");
  });

  it("a customer sees an employee's name and site only, and no other customer", async () => {
    const karim = await employee(guilde, { title: "Technicien atelier", bio: "Internal bio" });
    const bob = await customer(guilde);
    const carol = await customer(guilde);
    const ofKarim = await getProfile(guilde, { viewer: bob, userId: karim.id });
    expect(ofKarim.site).not.toBeNull();
    expect(ofKarim.details).toBeNull();
    await expect(getProfile(guilde, { viewer: bob, userId: carol.id })).rejects.toThrow(NotFound);
  });

  it("an unknown profile is a 404", async () => {
    const lea = await employee(guilde);
    const browser = await signedIn(lea.email);
    expect((await browser.get("/users/nobody")).status).toBe(404);
  });

  it("a person edits their own profile, with field errors for bad input", async () => {
    const lea = await employee(guilde);
    const lille = await site(guilde);
    const browser = await signedIn(lea.email);

    const saved = await browser.post("/settings", { displayName: "Léa D.", title: "Vendeuse cycle", bio: "Bonjour !", siteId: lille.id, locale: "fr" });
    expect(saved.status).toBe(302);
    const [row] = await guilde.db.select().from(users).where(eq(users.id, lea.id));
    expect(row).toMatchObject({ displayName: "Léa D.", title: "Vendeuse cycle", siteId: lille.id, locale: "fr" });

    const tooLong = await browser.post("/settings", { displayName: "Léa", bio: "x".repeat(5000) });
    expect(tooLong.status).toBe(400);
  });

  it("nobody edits someone else's profile", async () => {
    const lea = await employee(guilde);
    const karim = await employee(guilde);
    await expect(updateProfile(guilde, { viewer: lea, userId: karim.id, input: { displayName: "Pwned" } })).rejects.toThrow(NotFound);
    const [row] = await guilde.db.select().from(users).where(eq(users.id, karim.id));
    expect(row.displayName).toBe(karim.displayName);
  });
});

describe("administrators from the command line", () => {
  it("creates an administrator, or promotes an existing account", async () => {
    const created = await createOrPromoteAdmin(guilde, { email: "root@guilde.test", displayName: "Root", password: "a long password" });
    expect(created.created).toBe(true);
    const lea = await employee(guilde);
    const promoted = await createOrPromoteAdmin(guilde, { email: lea.email, displayName: lea.displayName });
    expect(promoted).toEqual({ userId: lea.id, created: false });
    const roles = await guilde.db.select({ role: users.role }).from(users);
    expect(roles.map((row) => row.role).sort()).toEqual(["admin", "admin"]);
  });

  it("an administrator manages sites through the service", async () => {
    const camille = await admin(guilde);
    const { siteId } = await saveSite(guilde, { viewer: camille, input: { name: "Usine Roubaix", city: "Roubaix", kind: "plant" } });
    expect(siteId).toEqual(expect.any(String));
  });
});
