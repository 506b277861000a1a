"use client";

import { useEffect, useState } from "react";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { validateCodeFormat } from "@/lib/referrals/code-format";

type Check =
  | { state: "empty" }
  | { state: "checking" }
  | { state: "valid"; referrerName: string; code: string }
  | { state: "invalid"; message: string }
  | { state: "unavailable" };

const DEBOUNCE_MS = 300;

/**
 * The referral-code input, checked against the public validate endpoint as the user types (debounced).
 * The result is announced politely to screen readers; the server checks again on submit.
 */
export function ReferralCodeField({
  initialCode,
  serverError,
}: {
  initialCode: string;
  serverError?: string;
}) {
  const [code, setCode] = useState(initialCode);
  // The server's answer, remembered with the code it was for, so a stale answer is never shown.
  const [answer, setAnswer] = useState<{ code: string; check: Check } | null>(null);
  const trimmed = code.trim();
  const localCheck: Check | null = !trimmed
    ? { state: "empty" }
    : !validateCodeFormat(trimmed).valid
      ? { state: "invalid", message: "Invalid code format" }
      : null;
  const check: Check = localCheck ?? (answer?.code === trimmed ? answer.check : { state: "checking" });
  const needsServer = localCheck === null;

  useEffect(() => {
    if (!needsServer) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/referral-codes/validate/${encodeURIComponent(trimmed)}`, {
          signal: controller.signal,
          cache: "no-store",
        });
        const body = (await response.json()) as {
          valid: boolean;
          error?: string;
          data?: { referrer_name: string; code: string };
        };
        setAnswer({
          code: trimmed,
          check:
            body.valid && body.data
              ? { state: "valid", referrerName: body.data.referrer_name, code: body.data.code }
              : { state: "invalid", message: body.error ?? "Referral code not found or inactive" },
        });
      } catch (error) {
        if ((error as Error).name !== "AbortError")
          setAnswer({ code: trimmed, check: { state: "unavailable" } });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, needsServer]);

  const showServerError = serverError && check.state !== "valid" && check.state !== "checking";
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="referralCode">Referral code (optional)</Label>
      <Input
        id="referralCode"
        name="referralCode"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        className="font-mono uppercase placeholder:font-sans placeholder:normal-case"
        aria-invalid={check.state === "invalid" || Boolean(showServerError)}
        aria-describedby="referralCode-status"
      />
      <div id="referralCode-status" aria-live="polite" className="min-h-5 text-sm">
        {check.state === "checking" ? <span className="text-ink-500">Checking code…</span> : null}
        {check.state === "valid" ? (
          <span className="font-medium text-emerald-700">
            {/* A code typed in another spelling (maya-2o25) is read as the code it matches: say which. */}
            {check.code === trimmed.toUpperCase()
              ? `✓ Code by ${check.referrerName}`
              : `✓ Read as ${check.code}: code by ${check.referrerName}`}
          </span>
        ) : null}
        {check.state === "invalid" ? (
          <span className="font-medium text-red-700">✗ {check.message}</span>
        ) : null}
        {check.state === "unavailable" ? (
          <span className="text-ink-500">
            We couldn&apos;t check the code right now; it will be checked when you sign up.
          </span>
        ) : null}
        {check.state === "empty" && !showServerError ? (
          <FieldHint>Got a code from a friend? Enter it here.</FieldHint>
        ) : null}
      </div>
      {showServerError && check.state !== "invalid" ? <FieldError>{serverError}</FieldError> : null}
    </div>
  );
}
