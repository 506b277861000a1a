import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import { AUDIT_PER_PAGE, type AuditLogSearch } from "@/lib/validation/audit-log";
import { escapeLike, userSearchIds } from "./user-search";

export type AuditEntry = {
  id: number;
  createdAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  actor:
    | { kind: "user"; id: number; name: string; email: string }
    | { kind: "api_key"; id: number; name: string }
    | null;
  /** The record's name when it is a user (client pages link to it). */
  subject: { name: string; role: string } | null;
};

const DAY_MS = 86_400_000;

const auditRow = z.object({
  id: col.int,
  created_at: col.text,
  action: col.text,
  entity_type: col.text,
  entity_id: col.nullableText,
  details: col.json(z.record(z.string(), z.unknown())).nullable(),
  ip: col.nullableText,
  actor_user_id: col.nullableInt,
  actor_name: col.nullableText,
  actor_email: col.nullableText,
  actor_api_key_id: col.nullableInt,
  key_name: col.nullableText,
  subject_name: col.nullableText,
  subject_role: col.nullableText,
});

/**
 * `/admin/audit`: who did what, when, to which record — newest first, keyset-paginated on id. Each filter
 * has its index: action (action, id), actor (actor_user_id, created_at), dates (created_at), record
 * (entity_type, entity_id); the filter's choices come from the code's list of actions, not from the log.
 */
export async function listAuditEntries(
  db: DbOrTx,
  search: AuditLogSearch,
): Promise<{ entries: AuditEntry[]; nextAfter: number | null }> {
  const conditions = [sql`TRUE`];
  if (search.action) conditions.push(sql`a.action = ${search.action}`);
  if (search.entity_type) conditions.push(sql`a.entity_type = ${search.entity_type}`);
  if (search.entity_id) conditions.push(sql`a.entity_id = ${search.entity_id}`);
  if (search.start_date)
    conditions.push(sql`a.created_at >= ${timestampParam(new Date(`${search.start_date}T00:00:00Z`))}`);
  if (search.end_date) {
    const end = new Date(Date.parse(`${search.end_date}T00:00:00Z`) + DAY_MS);
    conditions.push(sql`a.created_at < ${timestampParam(end)}`);
  }
  if (search.actor) {
    const pattern = `%${escapeLike(search.actor)}%`;
    conditions.push(sql`(a.actor_user_id IN (${userSearchIds(search.actor)})
      OR a.actor_api_key_id IN (SELECT k.id FROM api_keys k WHERE k.name ILIKE ${pattern}))`);
  }
  if (search.after) conditions.push(sql`a.id < ${search.after}::bigint`);

  const rows = rowsAs(
    await db.execute(sql`
      WITH page AS (
        SELECT a.* FROM audit_log a
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY a.id DESC
         LIMIT ${AUDIT_PER_PAGE + 1}::int
      )
      SELECT p.id, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
             p.action, p.entity_type, p.entity_id, p.details, p.ip,
             p.actor_user_id, actor.name AS actor_name, actor.email AS actor_email,
             p.actor_api_key_id, k.name AS key_name,
             subject.name AS subject_name, subject.role::text AS subject_role
        FROM page p
        LEFT JOIN users actor ON actor.id = p.actor_user_id
        LEFT JOIN api_keys k ON k.id = p.actor_api_key_id
        -- CASE, not AND: PostgreSQL may evaluate the cast before the pattern test, and an entity id
        -- that is not a number (a throttled e-mail or address) would fail the whole page.
        LEFT JOIN users subject
          ON subject.id = CASE WHEN p.entity_type = 'user' AND p.entity_id ~ '^[0-9]{1,9}$'
                               THEN p.entity_id::int END
       ORDER BY p.id DESC`),
    auditRow,
  );
  const entries = rows.slice(0, AUDIT_PER_PAGE).map((r): AuditEntry => ({
    id: r.id,
    createdAt: r.created_at,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details,
    ip: r.ip,
    actor:
      r.actor_user_id !== null && r.actor_name !== null
        ? { kind: "user", id: r.actor_user_id, name: r.actor_name, email: String(r.actor_email) }
        : r.actor_api_key_id !== null && r.key_name !== null
          ? { kind: "api_key", id: r.actor_api_key_id, name: r.key_name }
          : null,
    subject: r.subject_name === null ? null : { name: r.subject_name, role: String(r.subject_role) },
  }));
  return { entries, nextAfter: rows.length > AUDIT_PER_PAGE ? entries[entries.length - 1].id : null };
}
