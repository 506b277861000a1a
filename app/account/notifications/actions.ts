"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { saveNotificationPreferences } from "@/lib/notifications/preferences";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";

/** Saves which e-mail notifications the signed-in user receives (their own only). */
export const saveNotificationPreferencesAction = action(
  { access: "user", schema: notificationPreferencesSchema },
  async (input, { db, principal }) => {
    await saveNotificationPreferences(db, {
      userId: principal.user.id,
      role: principal.user.role,
      enabled: input.enabled,
    });
    revalidatePath("/account/notifications");
    return { status: "success", message: "Saved. Your e-mail notifications are updated." };
  },
);
