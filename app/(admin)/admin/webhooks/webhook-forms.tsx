"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/forms/action-status";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { eventFieldName } from "@/lib/validation/webhook-endpoints";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
  updateWebhookEventsAction,
} from "./actions";

/** A secret shown once, with a copy button. */
function SecretOnce({ message, secret }: { message?: string; secret: string }) {
  return (
    <div
      aria-live="polite"
      className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
    >
      <p className="font-medium">{message}</p>
      <p
        className="mt-2 rounded-md bg-white px-2 py-1.5 font-mono text-xs break-all text-ink-900 ring-1 ring-emerald-200"
        data-testid="webhook-secret"
      >
        {secret}
      </p>
      <CopyButton value={secret} label="Copy secret" className="mt-2" />
    </div>
  );
}

function EventCheckboxes({
  idPrefix,
  checked,
  error,
  twoColumns = false,
}: {
  idPrefix: string;
  checked: string[];
  error?: string;
  /** Two columns from `sm` up (the endpoint cards); the narrow side form keeps one. */
  twoColumns?: boolean;
}) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-sm font-medium text-ink-900">Events</legend>
      <div className={twoColumns ? "grid gap-x-4 gap-y-1 sm:grid-cols-2" : "grid gap-y-1"}>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 font-mono text-xs text-ink-800">
            <input
              type="checkbox"
              id={`${idPrefix}-${type}`}
              name={eventFieldName(type)}
              defaultChecked={checked.includes(type)}
              className="h-4 w-4 rounded border-ink-300"
            />
            {type}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CreateWebhookForm() {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(createWebhookEndpointAction);
  const created = state.status === "success" ? (state.data as { secret: string } | undefined) : undefined;
  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <SecretOnce message={state.message} secret={created.secret} />
      ) : (
        <FormMessage state={state} />
      )}
      <form
        key={successCount}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-3"
        aria-label="New webhook endpoint"
      >
        <TextField
          id="webhook-url"
          name="url"
          label="URL"
          placeholder="https://app.musenest.com/hooks/referrals"
          autoComplete="off"
          maxLength={2000}
          defaultValue={state.values?.url}
          error={state.fieldErrors?.url}
        />
        <TextField
          id="webhook-description"
          name="description"
          label="Description"
          placeholder="MuseNest app"
          autoComplete="off"
          maxLength={500}
          defaultValue={state.values?.description}
          error={state.fieldErrors?.description}
        />
        <EventCheckboxes
          idPrefix="new-event"
          checked={["commission.created"]}
          error={state.fieldErrors?.events}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create endpoint"}
        </Button>
      </form>
    </div>
  );
}

export function EditEventsForm({ endpointId, events }: { endpointId: number; events: string[] }) {
  const { state, formAction, onSubmit, pending } = useFormAction(updateWebhookEventsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Edit events">
      <HiddenFields values={{ endpointId }} />
      <EventCheckboxes
        idPrefix={`edit-${endpointId}`}
        checked={events}
        error={state.fieldErrors?.events}
        twoColumns
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save events"}
        </Button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}

/** One button posting one action with hidden fields; says what happened beside it. */
function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
}: {
  action: Parameters<typeof useFormAction>[0];
  fields: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  const secret =
    state.status === "success" ? (state.data as { secret?: string } | undefined)?.secret : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-1">
      <HiddenFields values={fields} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {secret ? <SecretOnce message={state.message} secret={secret} /> : <ActionStatus state={state} />}
    </form>
  );
}

export function EndpointActions({
  endpointId,
  enabled,
  url,
}: {
  endpointId: number;
  enabled: boolean;
  url: string;
}) {
  const [rotating, setRotating] = useState(false);
  const fields = { endpointId };
  return (
    <div className="flex flex-wrap items-start gap-2">
      {enabled ? (
        <ActionButton
          action={sendWebhookTestAction}
          fields={fields}
          label="Send test"
          pendingLabel="Sending…"
        />
      ) : null}
      {rotating ? (
        <ActionButton
          action={rotateWebhookSecretAction}
          fields={fields}
          label="Yes, rotate the secret"
          pendingLabel="Rotating…"
          variant="danger"
        />
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setRotating(true)}>
          Rotate secret
        </Button>
      )}
      <ActionButton
        action={setWebhookEnabledAction}
        fields={{ endpointId, enabled: enabled ? "false" : "true" }}
        label={enabled ? "Disable" : "Enable"}
        pendingLabel={enabled ? "Disabling…" : "Enabling…"}
      />
      <ConfirmActionButton
        action={deleteWebhookEndpointAction}
        confirm={`Delete the endpoint ${url} and its delivery history? This can't be undone.`}
        fields={fields}
        label="Delete"
        pendingLabel="Deleting…"
        variant="danger"
        size="sm"
      />
    </div>
  );
}

export function RetryDeliveryButton({ deliveryId }: { deliveryId: number }) {
  return (
    <ActionButton
      action={retryWebhookDeliveryAction}
      fields={{ deliveryId }}
      label="Retry"
      pendingLabel="Queuing…"
      variant="ghost"
    />
  );
}
