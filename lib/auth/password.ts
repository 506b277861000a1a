import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (≈20 ms here): slow enough for stored passwords, fast enough for sign-in.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when the e-mail is unknown, so a missing account costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("musenest-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
