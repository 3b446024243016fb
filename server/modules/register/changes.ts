import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

interface SnapRef {
  id: number;
  kind: string;
  scope: string;
  as_of: string;
}

async function snapshotRef(db: DbOrTx, id: number): Promise<SnapRef | null> {
  const [s] = await queryRows<SnapRef>(db, sql`select id, kind, scope, as_of::text as as_of from register_snapshots where id = ${id}`);
  return s ? { ...s, id: Number(s.id) } : null;
}

async function neighbour(db: DbOrTx, s: SnapRef, dir: "before" | "after"): Promise<SnapRef | null> {
  const [n] = await queryRows<SnapRef>(
    db,
    dir === "before"
      ? sql`select id, kind, scope, as_of::text as as_of from register_snapshots
              where status = 'complete' and kind = ${s.kind} and scope = ${s.scope} and as_of < ${s.as_of}::date order by as_of desc limit 1`
      : sql`select id, kind, scope, as_of::text as as_of from register_snapshots
              where status = 'complete' and kind = ${s.kind} and scope = ${s.scope} and as_of > ${s.as_of}::date order by as_of asc limit 1`,
  );
  return n ? { ...n, id: Number(n.id) } : null;
}

/**
 * Recomputes the changes into this snapshot (from the previous one of the same kind and scope) and
 * out of it (into the next one), so snapshots may be imported in any order. Changes are only ever
 * computed between snapshots of the same kind and scope. Feed changes (with an oppdateringsid) are
 * kept as they are.
 */
export async function recomputeChangesAround(db: DbOrTx, snapshotId: number): Promise<void> {
  const me = await snapshotRef(db, snapshotId);
  if (!me) return;
  const prev = await neighbour(db, me, "before");
  const next = await neighbour(db, me, "after");
  if (next) {
    await db.execute(sql`delete from register_changes where snapshot_id = ${next.id} and oppdateringsid is null`);
    await computePairChanges(db, me, next);
  }
  await db.execute(sql`delete from register_changes where snapshot_id = ${me.id} and oppdateringsid is null`);
  if (prev) await computePairChanges(db, prev, me);
}

/** What changed from snapshot a to the later snapshot b (same kind and scope). */
export async function computePairChanges(db: DbOrTx, a: SnapRef, b: SnapRef): Promise<void> {
  const gone = a.scope === "national" ? "deleted" : "left_scope";
  // Appeared: registered after the earlier snapshot, or (registered before) moved into the scope.
  await db.execute(sql`
    insert into register_changes (kind, scope, snapshot_id, previous_snapshot_id, orgnr, change, area_code, employees_after, occurred_on)
    select ${b.kind}, ${b.scope}, ${b.id}, ${a.id}, n.orgnr,
      case when n.registered_on > ${a.as_of}::date then 'registered' else 'moved_in' end,
      n.area_code, n.employees,
      case when n.registered_on > ${a.as_of}::date then n.registered_on else ${b.as_of}::date end
    from register_rows n
    where n.snapshot_id = ${b.id}
      and not exists (select 1 from register_rows o where o.snapshot_id = ${a.id} and o.orgnr = n.orgnr)`);
  // Disappeared: deleted (national scope) or left the scope; the date is the later snapshot's.
  await db.execute(sql`
    insert into register_changes (kind, scope, snapshot_id, previous_snapshot_id, orgnr, change, previous_area_code, employees_before, occurred_on)
    select ${b.kind}, ${b.scope}, ${b.id}, ${a.id}, o.orgnr, ${gone}, o.area_code, o.employees, ${b.as_of}::date
    from register_rows o
    where o.snapshot_id = ${a.id}
      and not exists (select 1 from register_rows n where n.snapshot_id = ${b.id} and n.orgnr = o.orgnr)`);
  // Present in both: moves between municipalities, new bankruptcies, headcount changes.
  await db.execute(sql`
    insert into register_changes (kind, scope, snapshot_id, previous_snapshot_id, orgnr, change, area_code, previous_area_code, employees_before, employees_after, occurred_on)
    select ${b.kind}, ${b.scope}, ${b.id}, ${a.id}, n.orgnr, x.change, n.area_code, o.area_code, o.employees, n.employees, ${b.as_of}::date
    from register_rows o
    join register_rows n on n.snapshot_id = ${b.id} and n.orgnr = o.orgnr
    cross join lateral (values
      (case when o.area_code is distinct from n.area_code then 'moved' end),
      (case when n.bankrupt and not o.bankrupt then 'bankrupt' end),
      (case when o.employees is distinct from n.employees or o.size_class is distinct from n.size_class then 'employees' end)
    ) as x(change)
    where o.snapshot_id = ${a.id} and x.change is not null
      and (o.area_code is distinct from n.area_code or (n.bankrupt and not o.bankrupt)
           or o.employees is distinct from n.employees or o.size_class is distinct from n.size_class)`);
}
