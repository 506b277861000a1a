// Authorization matrix for every server action of the admin area. An action is a public POST endpoint,
// so each one must refuse an anonymous caller (sign in) and a client (forbidden) before doing anything,
// and let an admin through to its own validation. The actions are found on disk: every module under
// app/(admin) that starts with "use server" and every function it exports — a new action is covered
// the moment it exists. (Pages and /api/admin routes: e2e/admin-authorization.spec.ts.)
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { users as usersTable } from "@/db/schema";
import { serverActionModules } from "@/testing/server-action-modules";
import { useTestDatabase } from "@/testing/use-test-database";
import { idleState, type ActionState } from "@/lib/action-state";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("./session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./session")>()),
  getSessionUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => {},
  revalidateTag: () => {},
}));

const testDb = useTestDatabase();

const ROOT = path.resolve(__dirname, "../..");
const ADMIN_APP = path.join(ROOT, "app", "(admin)");

const modules = serverActionModules(ADMIN_APP);

const UNAUTHORIZED = "Sign in or provide an API key to use this endpoint.";
const FORBIDDEN = "You don't have access to this resource.";

const users = {} as Record<"client" | "admin", SessionUser>;

beforeAll(async () => {
  // Real rows: an admin's action may write (an audit row needs its actor to exist).
  for (const role of ["admin", "client"] as const) {
    const email = `${role}@example.com`;
    const [row] = await testDb.db
      .insert(usersTable)
      .values({ email, normalizedEmail: email, name: `The ${role}`, passwordHash: "x", role })
      .returning({ id: usersTable.id });
    users[role] = { id: row.id, email, name: `The ${role}`, role, mustChangePassword: false };
  }
});

type ServerAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

async function call(fn: ServerAction): Promise<ActionState | "redirect"> {
  try {
    return await fn(idleState, new FormData());
  } catch (error) {
    // redirect() is how an action that succeeded may end; it is not a refusal.
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return "redirect";
    throw error;
  }
}

describe("admin server actions: authorization matrix", () => {
  it("finds the admin area's actions", () => {
    const names = modules.map((m) => path.relative(ROOT, m));
    expect(names).toEqual(
      expect.arrayContaining([
        "app/(admin)/admin/clients/actions.ts",
        "app/(admin)/admin/api-keys/actions.ts",
      ]),
    );
  });

  for (const file of modules) {
    const name = path.relative(ROOT, file);
    it(`${name}: anonymous → sign in, client → forbidden, admin → reaches validation`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === "function") as [
        string,
        ServerAction,
      ][];
      expect(actions.length).toBeGreaterThan(0);
      for (const [exportName, fn] of actions) {
        session.user = null;
        expect(await call(fn), `${exportName} as anonymous`).toMatchObject({
          status: "error",
          message: UNAUTHORIZED,
        });
        session.user = users.client;
        expect(await call(fn), `${exportName} as a client`).toMatchObject({
          status: "error",
          message: FORBIDDEN,
        });
        session.user = users.admin;
        const asAdmin = await call(fn);
        if (asAdmin !== "redirect") {
          expect([UNAUTHORIZED, FORBIDDEN], `${exportName} as an admin`).not.toContain(asAdmin.message);
        }
      }
    });
  }
});
