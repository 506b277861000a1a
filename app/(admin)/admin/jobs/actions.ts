"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { retryFailedJob } from "@/lib/jobs/retry-job";
import { retryJobSchema } from "@/lib/validation/jobs";

/** Gives a failed job one more attempt (audited); the job runner picks it up within seconds. */
export const retryJobAction = action(
  { access: "admin", schema: retryJobSchema },
  async (input, { db, actor }) => {
    await retryFailedJob(db, input, actor);
    revalidatePath("/admin/jobs");
    return { status: "success", message: "Queued for another attempt." };
  },
);
