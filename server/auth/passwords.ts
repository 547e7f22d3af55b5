import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const argon2idOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const; // the library defaults to argon2id

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2idOptions);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Hash something even for unknown accounts so that timing does not reveal which e-mails exist.
  if (!passwordHash) {
    await hash(password, argon2idOptions);
    return false;
  }
  return verify(passwordHash, password);
}
