import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z, type ZodType } from "zod";
import {
  authorize,
  resolveSessionPrincipal,
  type Access,
  type Authorized,
  type SessionPrincipal,
} from "@/lib/auth/principal";
import { entryContext, type EntryContext } from "@/lib/context";
import { DomainError, isStatementTimeout, STATEMENT_TIMEOUT_MESSAGE } from "@/lib/errors";
import { clientIp, userAgent } from "@/lib/request-info";
import { fieldErrors } from "@/lib/validation/issues";

import type { ActionState } from "./action-state";

export type { ActionState } from "./action-state";

/**
 * The database and the caller: `principal` is what the action's access level proved (a signed-in user for
 * anything but `public`), `actor` the audit actor built from it.
 */
export type ActionContext<A extends Access = Access> = EntryContext<Authorized<SessionPrincipal, A>>;

const SECRET_FIELDS = /password|secret|token/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

function echo(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.test(k)));
}

/**
 * The one wrapper for server actions (each is a public POST endpoint): authenticate → authorize → parse the
 * form with the resource's zod schema → call the domain. Field errors go back under their inputs.
 */
export function action<S extends ZodType, A extends Access>(
  config: { access: A; schema: S },
  fn: (input: z.output<S>, ctx: ActionContext<A>) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    // An action is a public endpoint: a hand-made POST can send any arguments, not the form's FormData.
    if (!(formData instanceof FormData)) {
      return { status: "error", message: "This form could not be read. Reload the page and try again." };
    }
    const values = formValues(formData);
    try {
      const h = await headers();
      // An action has the session cookie only (no Authorization header): never an API key.
      const principal = authorize(await resolveSessionPrincipal(), config.access);
      const parsed = config.schema.safeParse(values);
      if (!parsed.success) {
        return {
          status: "error",
          message: "Please correct the highlighted fields.",
          fieldErrors: fieldErrors(parsed.error),
          values: echo(values),
        };
      }
      const ctx = await entryContext(principal, { ip: clientIp(h), userAgent: userAgent(h) });
      const result = await fn(parsed.data, ctx);
      return result ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof DomainError) {
        return {
          status: "error",
          message: error.message,
          fieldErrors: error.field ? { [error.field]: error.message } : undefined,
          values: echo(values),
        };
      }
      console.error("[action] unexpected error", error);
      return {
        status: "error",
        message: isStatementTimeout(error)
          ? STATEMENT_TIMEOUT_MESSAGE
          : "Something went wrong on our side. Please try again.",
        values: echo(values),
      };
    }
  };
}
