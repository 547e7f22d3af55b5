import { randomBytes } from "node:crypto";

/** Unguessable ids, so that the URL of private content reveals nothing. 16 chars of base32 = 80 bits. */
export function newId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = randomBytes(16);
  let id = "";
  for (const byte of bytes) id += alphabet[byte & 31];
  return id;
}
