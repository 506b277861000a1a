import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-ink-950">Forgot your password?</h1>
        <p className="mt-1.5 text-sm text-ink-600">
          Enter the e-mail address you sign in with. We will send you a link to choose a new password.
        </p>
      </div>
      <Card>
        <CardBody className="px-6 py-6 sm:px-8 sm:py-8">
          <ForgotPasswordForm />
        </CardBody>
      </Card>
    </div>
  );
}
