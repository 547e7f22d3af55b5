import { newId } from "../../db/ids";
import { sites, users, type Site, type User } from "../../db/schema";
import { hashPassword } from "../../server/auth/passwords";
import type { Guilde } from "../../server/context";

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
export const customer = (guilde: Guilde, values: UserValues = {}) => user(guilde, "customer", values);
