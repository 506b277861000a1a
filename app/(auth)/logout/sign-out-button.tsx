"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setPending(true);
    setFailed(false);
    try {
      // next-auth clears the cookie, then does a full navigation to the callback URL.
      await signOut({ callbackUrl: "/login?signedOut=1" });
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-stretch gap-3 sm:items-end">
      <Button onClick={onClick} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </Button>
      {failed ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          We couldn&apos;t sign you out. Please try again.
        </p>
      ) : null}
    </div>
  );
}
