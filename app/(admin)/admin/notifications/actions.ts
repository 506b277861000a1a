"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { consumeNotificationEvents } from "@/lib/notifications/consume-events";
import { pipelineContext } from "@/lib/notifications/pipeline-context";
import { processNotificationsSchema } from "@/lib/validation/notifications";

/** The events consumer, run now by an admin (the same function the every-minute job runs). */
export const processNotificationEventsAction = action(
  { access: "admin", schema: processNotificationsSchema },
  async (_input, { db }) => {
    const result = await consumeNotificationEvents(db, pipelineContext());
    revalidatePath("/admin/notifications");
    const capped = result.capped ? `, ${result.capped} over the daily cap` : "";
    return {
      status: "success",
      message:
        result.events === 0
          ? "No new events to notify about."
          : `Processed ${result.events} event${result.events === 1 ? "" : "s"}: ${result.queued} message${result.queued === 1 ? "" : "s"} queued${capped}.`,
    };
  },
);
