// lib/auth/password.ts for the in-process signup measurement: one real argon2id hash, computed once and
// handed to every signup, so the measured time is the attribution transaction and the code around it.
import { hash, verify } from "@node-rs/argon2";

let fixed: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  void password;
  fixed ??= hash("bench-stubbed-password");
  return fixed;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export async function burnPasswordCheck(password: string): Promise<void> {
  void password;
}
