"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ACCOUNT_SUSPENDED, CREDENTIALS_MISMATCH, SIGN_IN_FAILED } from "./messages";
import { signInWithPassword } from "./sign-in-request";

type LoginFormProps = {
  defaultEmail: string;
  /** Raw `?callbackUrl=`; only a same-origin path is ever followed. */
  callbackUrl: string | null;
  initialError: string | null;
};

/** A path on this site to continue to, or null for anything that could leave it (open redirect). */
function safeCallbackPath(raw: string | null): string | null {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  try {
    // The URL parser strips tabs/newlines ("/\t/evil.test" becomes "//evil.test"), so compare origins too.
    const url = new URL(raw, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

async function fetchSessionRole(): Promise<string | null> {
  const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) return null;
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("user" in body)) return null;
  const user = body.user;
  if (typeof user !== "object" || user === null || !("role" in user)) return null;
  return typeof user.role === "string" ? user.role : null;
}

export function LoginForm({ defaultEmail, callbackUrl, initialError }: LoginFormProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    setError(null);
    setPending(true);
    try {
      const outcome = await signInWithPassword(email, password);
      if (outcome.kind !== "signed_in") {
        setError(
          outcome.kind === "refused"
            ? outcome.error === "AccountSuspended"
              ? ACCOUNT_SUSPENDED
              : CREDENTIALS_MISMATCH
            : outcome.message,
        );
        setPending(false);
        return;
      }
      const role = await fetchSessionRole();
      // A full navigation, so server components render with the new session cookie.
      window.location.assign(safeCallbackPath(callbackUrl) ?? (role === "admin" ? "/admin" : "/dashboard"));
    } catch {
      setError(SIGN_IN_FAILED);
      setPending(false);
    }
  }

  return (
    // POST even before hydration: a native GET submit would put the password in the URL (history, logs).
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-5">
      {error ? (
        <div
          id="login-error"
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
        >
          {error}
        </div>
      ) : null}

      <div className="flex flex-col gap-1.5">
        <Label htmlFor="login-email">Email</Label>
        <Input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          defaultValue={defaultEmail}
          aria-invalid={error ? true : undefined}
        />
      </div>

      <div className="flex flex-col gap-1.5">
        <div className="flex items-baseline justify-between gap-3">
          <Label htmlFor="login-password">Password</Label>
          <Link
            href="/forgot-password"
            className="rounded text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            Forgot your password?
          </Link>
        </div>
        <Input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
        />
      </div>

      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>

      <p className="text-center text-sm text-ink-600">
        New here?{" "}
        <Link
          href="/signup"
          className="rounded font-medium text-brand-700 underline-offset-4 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
