import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import { AUDIT_PER_PAGE, type AuditLogSearch } from "@/lib/validation/audit-log";
import { escapeLike, userSearchCondition } from "./user-search";

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

/** `/admin/audit`: who did what, when, to which record — newest first, keyset-paginated on id. */
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
    conditions.push(sql`(a.actor_user_id IN (SELECT u.id FROM users u WHERE ${userSearchCondition(search.actor)})
      OR a.actor_api_key_id IN (SELECT k.id FROM api_keys k WHERE k.name ILIKE ${pattern}))`);
  }
  if (search.after) conditions.push(sql`a.id < ${search.after}::bigint`);

  const rows = rowsOf<Record<string, unknown>>(
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
  );
  const entries = rows.slice(0, AUDIT_PER_PAGE).map((r): AuditEntry => {
    const details =
      typeof r.details === "string" ? JSON.parse(r.details) : (r.details as AuditEntry["details"]);
    return {
      id: Number(r.id),
      createdAt: String(r.created_at),
      action: String(r.action),
      entityType: String(r.entity_type),
      entityId: (r.entity_id as string | null) ?? null,
      details: details ?? null,
      ip: (r.ip as string | null) ?? null,
      actor:
        r.actor_user_id !== null && r.actor_name !== null
          ? {
              kind: "user",
              id: Number(r.actor_user_id),
              name: String(r.actor_name),
              email: String(r.actor_email),
            }
          : r.actor_api_key_id !== null && r.key_name !== null
            ? { kind: "api_key", id: Number(r.actor_api_key_id), name: String(r.key_name) }
            : null,
      subject:
        r.subject_name === null ? null : { name: String(r.subject_name), role: String(r.subject_role) },
    };
  });
  return { entries, nextAfter: rows.length > AUDIT_PER_PAGE ? entries[entries.length - 1].id : null };
}

/** The actions and record types present in the log, for the filter's choices. */
export async function listAuditFacets(db: DbOrTx): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, types] = await Promise.all([
    db.execute(sql`SELECT DISTINCT action FROM audit_log ORDER BY action LIMIT 200`),
    db.execute(sql`SELECT DISTINCT entity_type FROM audit_log ORDER BY entity_type LIMIT 200`),
  ]);
  return {
    actions: rowsOf<{ action: string }>(actions).map((r) => r.action),
    entityTypes: rowsOf<{ entity_type: string }>(types).map((r) => r.entity_type),
  };
}
