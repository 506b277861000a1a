// Authorization matrix for every server action outside the admin area (the referrer's dashboard, redeem,
// leaderboard, account, signup). An action is a public POST endpoint: each one must refuse an anonymous
// caller (sign in), must not let one client reach another client's record — the attempt is refused or
// lands on the caller's own account, and the other client's rows are unchanged — and must let the owner
// through to its own validation. The actions are found on disk like the admin matrix does
// (admin-actions-authorization.test.ts): every module outside app/(admin) that starts with "use server",
// and every function it exports; one without a case below fails the test until it gets one.
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  emailInvites,
  pointsLedger,
  redemptions,
  referralCodes,
  rewardCatalog,
  users as usersTable,
} from "@/db/schema";
import { serverActionModules } from "@/testing/server-action-modules";
import { useTestDatabase } from "@/testing/use-test-database";
import { idleState, type ActionState } from "@/lib/action-state";
import { createReferralCode } from "@/lib/referrals/create-code";
import { creditPoints } from "@/lib/rewards/ledger";
import { hashPassword } from "./password";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("./session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./session")>()),
  getSessionUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest" }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  }),
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => {},
  revalidateTag: () => {},
}));

const testDb = useTestDatabase();

const ROOT = path.resolve(__dirname, "../..");
const APP = path.join(ROOT, "app");
const ADMIN_APP = path.join(APP, "(admin)");

const modules = serverActionModules(APP, [ADMIN_APP]);

const UNAUTHORIZED = "Sign in or provide an API key to use this endpoint.";
const FORBIDDEN = "You don't have access to this resource.";
const INVALID = "Please correct the highlighted fields.";
const PASSWORD = "correct horse battery staple 42";

/** The owner of the records, and another client who tries to reach them. */
const users = {} as Record<"owner" | "other", SessionUser>;
let ownerCodeId: number;
let catalogItemId: number;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  for (const who of ["owner", "other"] as const) {
    const email = `${who}@example.com`;
    const [row] = await testDb.db
      .insert(usersTable)
      .values({ email, normalizedEmail: email, name: `The ${who}`, passwordHash, role: "client" })
      .returning({ id: usersTable.id });
    users[who] = { id: row.id, email, name: `The ${who}`, role: "client", mustChangePassword: false };
  }
  ownerCodeId = (await createReferralCode(testDb.db, users.owner.id, { customCode: "OWNER2026" })).id;
  // Points the other client could try to spend for the owner.
  await testDb.db.transaction((tx) =>
    creditPoints(tx, {
      userId: users.owner.id,
      points: 5_000,
      reason: "adjustment",
      status: "available",
      now: new Date(),
      expiryDays: null,
    }),
  );
  const [item] = await testDb.db.select().from(rewardCatalog).orderBy(asc(rewardCatalog.id)).limit(1);
  catalogItemId = item.id;
});

type ServerAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

async function call(
  fn: ServerAction,
  values: Record<string, string> = {},
): Promise<ActionState | "redirect"> {
  try {
    return await fn(idleState, form(values));
  } catch (error) {
    // redirect() is how an action that succeeded may end; it is not a refusal.
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return "redirect";
    throw error;
  }
}

/** Everything of the owner's that an action of this file could change. */
async function ownerState() {
  const id = users.owner.id;
  const db = testDb.db;
  return {
    user: await db.select().from(usersTable).where(eq(usersTable.id, id)),
    codes: await db
      .select()
      .from(referralCodes)
      .where(eq(referralCodes.clientId, id))
      .orderBy(asc(referralCodes.id)),
    invites: await db.select().from(emailInvites).where(eq(emailInvites.referralCodeId, ownerCodeId)),
    ledger: await db
      .select()
      .from(pointsLedger)
      .where(eq(pointsLedger.userId, id))
      .orderBy(asc(pointsLedger.id)),
    redemptions: await db.select().from(redemptions).where(eq(redemptions.userId, id)),
  };
}

type Case = {
  /** `public` actions (signup) are for anonymous callers: they reach validation instead of being refused. */
  public?: boolean;
  /** The other client aims at the owner's record (or smuggles the owner's id into a self-scoped form). */
  foreign: () => Record<string, string>;
  /** What the other client gets: a refusal, or (self-scoped actions) success on their own account. */
  foreignAnswer: () => Partial<ActionState>;
  /** A form that fails the action's own validation, sent by the owner. */
  invalid: Record<string, string>;
  /** What the owner gets for it, when the schema has nothing to refuse (a lone checkbox). */
  ownerAnswer?: Partial<ActionState>;
};

// Self-scoped forms carry the owner's id under the names a hand-made POST might try; the schemas drop them.
const smuggled = () => ({ userId: String(users.owner.id), user_id: String(users.owner.id) });

const CASES: Record<string, Case> = {
  "app/(referrer)/dashboard/actions.ts#updateCodeAction": {
    foreign: () => ({ code_id: String(ownerCodeId), is_active: "false" }),
    foreignAnswer: () => ({ status: "error", message: "Referral code not found" }),
    invalid: { code_id: "not-a-number" },
  },
  "app/(referrer)/dashboard/actions.ts#createCodeAction": {
    foreign: () => ({ ...smuggled(), custom_code: "SMUGGLED1" }),
    foreignAnswer: () => ({ status: "success" }),
    invalid: { custom_code: "X".repeat(41) },
  },
  "app/(referrer)/dashboard/invite-actions.ts#sendEmailInvitesAction": {
    foreign: () => ({ code_id: String(ownerCodeId), addresses: "friend@example.net" }),
    foreignAnswer: () => ({ status: "error", message: "Choose one of your own codes" }),
    invalid: { code_id: "" },
  },
  "app/(referrer)/redeem/actions.ts#redeemAction": {
    // The other client has no points: spending is always the caller's own balance, never the owner's.
    foreign: () => ({ ...smuggled(), catalog_item_id: String(catalogItemId) }),
    foreignAnswer: () => ({ status: "error", message: expect.stringContaining("you have 0).") }),
    invalid: { catalog_item_id: "-1" },
  },
  "app/leaderboard/actions.ts#leaderboardOptInAction": {
    foreign: () => ({ ...smuggled(), optIn: "on" }),
    foreignAnswer: () => ({ status: "success", message: "Your name is shown on the leaderboard." }),
    invalid: {},
    ownerAnswer: { status: "success", message: "The leaderboard shows your initials only." },
  },
  "app/account/password/actions.ts#changePasswordAction": {
    // The other client knows the owner's password but can only change their own account's.
    foreign: () => ({
      ...smuggled(),
      currentPassword: "not the other's password",
      newPassword: "a brand new passphrase 77",
      confirmPassword: "a brand new passphrase 77",
    }),
    foreignAnswer: () => ({ status: "error", message: "Your current password is not correct" }),
    invalid: { currentPassword: "" },
  },
  "app/embed/referrals/actions.ts#createEmbedCodeAction": {
    // The embedded panel authenticates by its token, never by the session: a signed-in client with a
    // token that was never issued (and the owner's id smuggled in) gets no code anywhere.
    public: true,
    foreign: () => ({ ...smuggled(), token: `emt_${"A".repeat(43)}`, custom_code: "SMUGGLED2" }),
    foreignAnswer: () => ({ status: "error", message: expect.stringContaining("no longer valid") }),
    invalid: { token: "not-a-token" },
  },
  "app/account/actions.ts#requestEmailChangeAction": {
    // Even with the owner's password (the two share one here) the change is for the caller's own account.
    foreign: () => ({ ...smuggled(), newEmail: "grab@example.net", currentPassword: PASSWORD }),
    foreignAnswer: () => ({ status: "success", message: expect.stringContaining("grab@example.net") }),
    invalid: { newEmail: "" },
  },
  "app/account/notifications/actions.ts#saveNotificationPreferencesAction": {
    // Preferences are always the caller's own; a client cannot switch on the admins' kinds.
    foreign: () => ({ ...smuggled(), referral_signed_up: "on", referral_flagged: "on" }),
    foreignAnswer: () => ({ status: "error", message: "This kind of notification is for admins only" }),
    invalid: { referral_signed_up: "yes" },
  },
  "app/account/actions.ts#signOutEverywhereAction": {
    foreign: () => ({ ...smuggled(), currentPassword: "not the other's password" }),
    foreignAnswer: () => ({ status: "error", message: "Your current password is not correct" }),
    invalid: { currentPassword: "" },
  },
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    public: true,
    // Anyone may ask for a reset of any address: the link goes to the owner's mailbox, nothing changes.
    foreign: () => ({ email: users.owner.email }),
    foreignAnswer: () => ({
      status: "success",
      message: expect.stringContaining("If an account uses that address"),
    }),
    invalid: { email: "not an e-mail" },
  },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": {
    public: true,
    foreign: () => ({
      token: "x".repeat(43),
      password: "a brand new passphrase 77",
      confirmPassword: "a brand new passphrase 77",
    }),
    foreignAnswer: () => ({ status: "error", message: "This reset link is not valid. Ask for a new one." }),
    invalid: { token: "" },
  },
  "app/(auth)/confirm-email/actions.ts#confirmEmailChangeAction": {
    public: true,
    foreign: () => ({ token: "x".repeat(43) }),
    foreignAnswer: () => ({
      status: "error",
      message: "This confirmation link is not valid. Ask for a new one.",
    }),
    invalid: { token: "" },
  },
  "app/(auth)/signup/actions.ts#signUp": {
    public: true,
    // Signing up again with the owner's address does not take over the owner's account.
    foreign: () => ({
      name: "Not the owner",
      email: users.owner.email,
      password: "a brand new passphrase 77",
      businessType: "coach",
    }),
    foreignAnswer: () => ({ status: "error", message: "An account with this e-mail already exists" }),
    invalid: { email: "not an e-mail" },
  },
};

async function actionsOf(file: string): Promise<[string, ServerAction][]> {
  const mod = (await import(file)) as Record<string, unknown>;
  return Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, ServerAction][];
}

describe("referrer-side server actions: authorization matrix", () => {
  it("finds the actions outside the admin area, and has a case for each", async () => {
    const names = modules.map((m) => path.relative(ROOT, m));
    expect(names).toEqual(
      expect.arrayContaining(["app/(referrer)/dashboard/actions.ts", "app/(referrer)/redeem/actions.ts"]),
    );
    expect(names.some((n) => n.startsWith("app/(admin)/"))).toBe(false);
    const found = (
      await Promise.all(
        modules.map(async (m) => (await actionsOf(m)).map(([name]) => `${path.relative(ROOT, m)}#${name}`)),
      )
    ).flat();
    expect(found.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const file of modules) {
    const name = path.relative(ROOT, file);
    it(`${name}: anonymous → sign in, another client → nothing of the owner's changes, owner → validation`, async () => {
      const actions = await actionsOf(file);
      expect(actions.length).toBeGreaterThan(0);
      for (const [exportName, fn] of actions) {
        const c = CASES[`${name}#${exportName}`];
        expect(c, `a case for ${exportName}`).toBeDefined();

        session.user = null;
        const before = await ownerState();
        const anonymous = await call(fn, c.foreign());
        if (c.public) {
          expect([UNAUTHORIZED, FORBIDDEN], `${exportName} as anonymous`).not.toContain(
            anonymous === "redirect" ? anonymous : anonymous.message,
          );
        } else {
          expect(anonymous, `${exportName} as anonymous`).toMatchObject({
            status: "error",
            message: UNAUTHORIZED,
          });
        }
        expect(await ownerState(), `${exportName} as anonymous leaves the owner's rows`).toEqual(before);

        session.user = users.other;
        expect(await call(fn, c.foreign()), `${exportName} as another client`).toMatchObject(
          c.foreignAnswer(),
        );
        expect(await ownerState(), `${exportName} as another client leaves the owner's rows`).toEqual(before);

        session.user = users.owner;
        expect(await call(fn, c.invalid), `${exportName} as the owner`).toMatchObject(
          c.ownerAnswer ?? { status: "error", message: INVALID },
        );
      }
    });
  }
});
