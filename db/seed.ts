import { count } from "drizzle-orm";
import { hashPassword } from "../server/auth/passwords";
import type { Guilde } from "../server/context";
import { demoCommunities, demoQuestions, seedDemoCommunities } from "./demo-communities";
import { newId } from "./ids";
import { sites, users, type Site, type User } from "./schema";

export const demoPassword = "guilde-demo";

/** A sports retailer: four stores, a warehouse and the head office. */
const demoSites: Omit<Site, "id" | "createdAt">[] = [
  { name: "Lyon Part-Dieu", city: "Lyon", kind: "store" },
  { name: "Lille Centre", city: "Lille", kind: "store" },
  { name: "Bordeaux Lac", city: "Bordeaux", kind: "store" },
  { name: "Nantes Atlantis", city: "Nantes", kind: "store" },
  { name: "Entrepôt Saint-Priest", city: "Saint-Priest", kind: "warehouse" },
  { name: "Siège Villeneuve-d'Ascq", city: "Villeneuve-d'Ascq", kind: "office" },
];

type DemoUser = Pick<User, "email" | "displayName" | "role" | "title" | "bio" | "locale"> & { site: string };

export const demoUsers: DemoUser[] = [
  { email: "camille.laurent@guilde.demo", displayName: "Camille Laurent", role: "admin", site: "Siège Villeneuve-d'Ascq", title: "Responsable communautés", bio: "J'anime Guilde pour toute l'enseigne.", locale: "fr" },
  { email: "hugo.martin@guilde.demo", displayName: "Hugo Martin", role: "employee", site: "Lille Centre", title: "Chef de rayon cycle", bio: "Moderator of Cycling repair. Twenty years of wheels and gears.", locale: "en" },
  { email: "lea.dubois@guilde.demo", displayName: "Léa Dubois", role: "employee", site: "Lyon Part-Dieu", title: "Vendeuse cycle", bio: "Nouvelle à l'atelier, beaucoup de questions !", locale: "fr" },
  { email: "karim.benali@guilde.demo", displayName: "Karim Benali", role: "employee", site: "Lille Centre", title: "Technicien atelier", bio: "Je répare tout ce qui roule. Tutoriels vidéo sur les freins hydrauliques.", locale: "fr" },
  { email: "sophie.moreau@guilde.demo", displayName: "Sophie Moreau", role: "employee", site: "Bordeaux Lac", title: "Conseillère sports nautiques", bio: "Kayak and whitewater rafting guide on weekends.", locale: "en" },
  { email: "thomas.petit@guilde.demo", displayName: "Thomas Petit", role: "employee", site: "Nantes Atlantis", title: "Directeur de magasin", bio: "Je viens ici pour apprendre des autres magasins.", locale: "fr" },
  { email: "emma.roux@guilde.demo", displayName: "Emma Roux", role: "employee", site: "Entrepôt Saint-Priest", title: "Logisticienne", bio: "Stock, flows and click & collect.", locale: "en" },
  { email: "lucas.garnier@guilde.demo", displayName: "Lucas Garnier", role: "employee", site: "Lyon Part-Dieu", title: "Vendeur running", bio: "Marathonien, monitor running depuis 2025.", locale: "fr" },
];

/** The demo company started using Guilde a few weeks before its first community. */
const demoStartDaysAgo = 80;

/**
 * Fills an empty database with the demo: sites and people, then their communities and questions, in
 * one transaction so that a failure leaves the database empty. Does nothing when any account exists,
 * so a real installation is never touched.
 */
export async function seedDemoData(guilde: Guilde): Promise<{ banner: string } | null> {
  const [{ accounts }] = await guilde.db.select({ accounts: count() }).from(users);
  if (accounts > 0) return null;

  const passwordHash = await hashPassword(demoPassword);
  const createdAt = new Date(Date.now() - demoStartDaysAgo * 24 * 60 * 60 * 1000);
  await guilde.db.transaction(async (tx) => {
    const siteRows = demoSites.map((site) => ({ id: newId(), ...site, createdAt }));
    await tx.insert(sites).values(siteRows);
    const siteId = new Map(siteRows.map((site) => [site.name, site.id]));
    const people = await tx
      .insert(users)
      .values(
        demoUsers.map(({ site, ...user }) => ({
          id: newId(),
          ...user,
          handle: user.email.split("@")[0],
          passwordHash,
          siteId: siteId.get(site)!,
          createdAt,
        })),
      )
      .returning();
    await seedDemoCommunities({ ...guilde, db: tx }, new Map(people.map((person) => [person.handle, person])));
  });

  const lines = demoUsers.map((user) => `  ${user.role === "admin" ? "admin   " : "employee"}  ${user.email}`);
  return {
    banner: [
      "Demo data created. Sign in with any of these accounts, password: " + demoPassword,
      ...lines,
      `  and explore ${demoCommunities.length} communities and ${demoQuestions.length} questions.`,
    ].join("\n"),
  };
}
