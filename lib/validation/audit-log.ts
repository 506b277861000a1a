// `/admin/audit` search params. A page, not an API: a value that does not parse is ignored.
import { z } from "zod";
import { calendarDate, DB_ID_MAX, text as textField } from "./fields";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) =>
  z.preprocess(blankToUndefined, textField("Search", { max }).optional()).catch(undefined);
const day = z.preprocess(blankToUndefined, calendarDate("Date").optional()).catch(undefined);

export const AUDIT_PER_PAGE = 50;

export const auditLogSearchSchema = z.object({
  action: text(80),
  entity_type: text(40),
  entity_id: text(40),
  // The actor's name or e-mail, or an API key's name.
  actor: text(100),
  start_date: day,
  end_date: day,
  // Keyset: entries older than this id.
  after: z.coerce.number().int().positive().max(DB_ID_MAX).optional().catch(undefined),
});
export type AuditLogSearch = z.output<typeof auditLogSearchSchema>;
