import { and, eq, inArray, isNull } from "drizzle-orm";
import type { EngagementQuery } from "../../../core/api/engagements.js";
import type { RowProblem } from "../../../core/logs/import-errors.js";
import { type ImportSummary, planImport } from "../../../core/logs/import-plan.js";
import { codeFromLabel, labelList, labelOf } from "../../../core/logs/labels.js";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { isIsoDate, todayInOslo } from "../../../core/periods.js";
import { stableKeySchema } from "../../../core/targets/spec.js";
import type { DbOrTx } from "../../db/client.js";
import {
  type EngagementKind,
  type EngagementTopic,
  engagementCompanies,
  engagementOrganisations,
  engagementParticipants,
  engagements,
  type ParticipantRole,
  partnerOrganisations,
} from "../../db/schema/index.js";
import { type CsvColumn, type CsvValue, writeCsv } from "../../lib/csv.js";
import { readCsvOrReject, recordImportBatch, rejectIfProblems } from "../../lib/csv-import.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import {
  createEngagement,
  engagementProblems,
  findEngagements,
  INTERNAL_VIEWER,
  type RetentionOptions,
  unknownMeasureKeys,
  updateEngagement,
} from "./engagements.service.js";

/**
 * CSV of the engagement log, one row per engagement, in the product's one CSV format
 * (server/lib/csv.ts). Lists inside a cell are `|`-separated. Left out on purpose: contact persons
 * (personal data) and exempt notes (the cell is empty, `Unntatt offentlighet` says ja and `Hjemmel`
 * gives the legal basis). On import, an exempt row with an empty `Notat` keeps the stored notes, so
 * export → edit → import never wipes them; contact persons and follow-ups are not touched.
 */

export const KIND_LABELS = {
  company_visit: ["bedriftsbesøk", "company visit", "besøk"],
  contact_meeting: ["kontaktmøte", "contact meeting"],
  dialogue_meeting: ["dialogmøte", "dialogue meeting"],
  event: ["arrangement", "event"],
  advocacy: ["påvirkning", "advocacy", "høringsuttalelse"],
  welcome: ["velkomst", "welcome"],
} as const satisfies Record<EngagementKind, readonly string[]>;

export const ROLE_LABELS = {
  political_leadership: ["politisk ledelse", "political leadership"],
  administrative_leadership: ["administrativ ledelse", "administrative leadership"],
  business_development_staff: ["næringsutvikling", "business development staff", "næringsavdelingen"],
  other: ["annen", "other", "annet"],
} as const satisfies Record<ParticipantRole, readonly string[]>;

export const TOPIC_LABELS = {
  expansion: ["utvidelse", "expansion", "vekst"],
  relocation_risk: ["fare for utflytting", "relocation risk", "utflytting"],
  recruitment: ["rekruttering", "recruitment", "kompetanse"],
  premises_land: ["lokaler og areal", "premises and land", "areal", "lokaler"],
  permits: ["tillatelser", "permits", "byggesak"],
  transport: ["transport", "samferdsel"],
  digital_infrastructure: ["digital infrastruktur", "digital infrastructure", "mobildekning"],
  innovation: ["innovasjon", "innovation"],
  procurement: ["innkjøp", "procurement", "anskaffelser"],
  education: ["skole og utdanning", "education", "utdanning"],
  climate_environment: ["klima og miljø", "climate and environment", "miljø"],
  retail_centre: ["handel og sentrum", "retail and centres", "handel"],
  tourism: ["reiseliv", "tourism"],
  other: ["annet", "other"],
} as const satisfies Record<EngagementTopic, readonly string[]>;

type Col =
  | "id"
  | "date"
  | "kind"
  | "title"
  | "area"
  | "orgnrs"
  | "companies"
  | "organisations"
  | "participants"
  | "topics"
  | "measures"
  | "notes"
  | "exempt"
  | "basis";

export const ENGAGEMENT_COLUMNS: readonly CsvColumn<Col>[] = [
  { key: "id", header: "ID", type: "text", aliases: ["id"] },
  { key: "date", header: "Dato", type: "date", required: true, aliases: ["date"] },
  { key: "kind", header: "Type", type: "text", required: true, aliases: ["kind"] },
  { key: "title", header: "Tittel", type: "text", required: true, aliases: ["title"] },
  { key: "area", header: "Kommunenummer", type: "text", required: true, aliases: ["kommune", "area_code", "areacode"] },
  { key: "orgnrs", header: "Org.nr.", type: "text", aliases: ["orgnr", "organisasjonsnummer"] },
  { key: "companies", header: "Bedrifter", type: "text", aliases: ["companies", "bedrift"] },
  { key: "organisations", header: "Organisasjoner", type: "text", aliases: ["organisations", "organisasjon"] },
  { key: "participants", header: "Deltakere", type: "text", aliases: ["participants"] },
  { key: "topics", header: "Tema", type: "text", aliases: ["topics"] },
  { key: "measures", header: "Tiltak", type: "text", aliases: ["measures", "measure_keys"] },
  { key: "notes", header: "Notat", type: "text", aliases: ["notes", "notater"] },
  { key: "exempt", header: "Unntatt offentlighet", type: "boolean", aliases: ["exempt", "notes_exempt", "unntatt"] },
  { key: "basis", header: "Hjemmel", type: "text", aliases: ["legal basis", "exemption basis"] },
];

const split = (cell: CsvValue): string[] =>
  (cell === null ? "" : String(cell))
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const join = (xs: readonly string[]): string | null => (xs.length > 0 ? xs.join(" | ") : null);

/** "politisk ledelse: Ordfører" ↔ { role, name }. */
function participantCell(p: { role: ParticipantRole; name: string | null }): string {
  const label = labelOf(p.role, ROLE_LABELS);
  return p.name ? `${label}: ${p.name}` : label;
}

export async function exportEngagementsCsv(db: DbOrTx, q: EngagementQuery): Promise<Buffer> {
  const rows = await findEngagements(db, q, INTERNAL_VIEWER);
  return writeCsv(
    ENGAGEMENT_COLUMNS,
    rows.map((r) => {
      const companies = r.companies.flatMap((c) => (c.orgnr === null ? [] : [{ ...c, orgnr: c.orgnr }]));
      return {
        id: r.id,
        date: r.date,
        kind: labelOf(r.kind, KIND_LABELS),
        title: r.title,
        area: r.areaCode,
        orgnrs: join(companies.map((c) => c.orgnr)),
        companies: join(companies.map((c) => (c.name ?? "").replace(/\|/g, "/"))),
        organisations: join(r.organisations.map((o) => o.key)),
        participants: join(r.participants.map(participantCell)),
        topics: join(r.topics.map((t) => labelOf(t, TOPIC_LABELS))),
        measures: join(r.measureKeys),
        // Exempt notes never leave the system in a file.
        notes: r.notesExempt ? null : r.notes,
        exempt: r.notesExempt,
        basis: r.notesExemptionBasis,
      };
    }),
  );
}

/** What a CSV row says about an engagement (and what the import compares with the stored one). */
interface CsvValues {
  kind: EngagementKind;
  date: string;
  title: string;
  areaCode: string;
  orgnrs: string[];
  organisationKeys: string[];
  participants: { role: ParticipantRole; name: string | null }[];
  topics: EngagementTopic[];
  measureKeys: string[];
  notes: string | null;
  notesExempt: boolean;
  notesExemptionBasis: string | null;
}

const naturalKey = (v: Pick<CsvValues, "date" | "kind" | "title" | "areaCode">) =>
  `${v.date}|${v.kind}|${v.title.toLocaleLowerCase("nb")}|${v.areaCode}`;

function rowValues(v: Record<Col, CsvValue>, line: number, problems: RowProblem[]): (CsvValues & { names: string[] }) | null {
  const start = problems.length;
  const kind = codeFromLabel(String(v.kind), KIND_LABELS);
  if (!kind) problems.push({ line, column: "Type", message: `"${v.kind}" is not ${labelList(KIND_LABELS)}` });
  const areaCode = String(v.area).trim();
  if (!/^\d{4}$/.test(areaCode)) problems.push({ line, column: "Kommunenummer", message: `"${areaCode}" is not a municipality number` });
  const orgnrs = split(v.orgnrs).map(normalizeOrgnr);
  for (const o of orgnrs)
    if (!isValidOrgnr(o)) problems.push({ line, column: "Org.nr.", message: `"${o}" is not a valid organisation number` });
  const organisationKeys = split(v.organisations);
  for (const k of organisationKeys)
    if (!stableKeySchema.safeParse(k).success)
      problems.push({ line, column: "Organisasjoner", message: `"${k}" is not an organisation key` });
  const participants: CsvValues["participants"] = [];
  for (const cell of split(v.participants)) {
    const [label = "", ...rest] = cell.split(":");
    const role = codeFromLabel(label, ROLE_LABELS);
    if (!role) problems.push({ line, column: "Deltakere", message: `"${label.trim()}" is not ${labelList(ROLE_LABELS)}` });
    else participants.push({ role, name: rest.join(":").trim() || null });
  }
  const topics: EngagementTopic[] = [];
  for (const t of split(v.topics)) {
    const topic = codeFromLabel(t, TOPIC_LABELS);
    if (!topic) problems.push({ line, column: "Tema", message: `"${t}" is not ${labelList(TOPIC_LABELS)}` });
    else topics.push(topic);
  }
  const measureKeys = split(v.measures);
  for (const k of measureKeys)
    if (!stableKeySchema.safeParse(k).success) problems.push({ line, column: "Tiltak", message: `"${k}" is not a measure key` });
  const date = String(v.date);
  const notesExempt = v.exempt === true;
  const notesExemptionBasis = v.basis === null ? null : String(v.basis);
  for (const p of engagementProblems({ notesExempt, notesExemptionBasis, date }, todayInOslo()))
    problems.push({ line, column: p.path === "date" ? "Dato" : "Hjemmel", message: p.message });
  if (problems.length > start || !kind || !isIsoDate(date)) return null;
  return {
    kind,
    date,
    title: String(v.title),
    areaCode,
    orgnrs,
    names: split(v.companies),
    organisationKeys,
    participants,
    topics,
    measureKeys,
    notes: v.notes === null ? null : String(v.notes),
    notesExempt,
    notesExemptionBasis,
  };
}

/** The stored engagements as CSV values (non-purged companies only). */
async function storedValues(db: DbOrTx): Promise<{ id: string; key: string; values: CsvValues }[]> {
  const rows = await db.select().from(engagements);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [companies, orgs, participants] = await Promise.all([
    db
      .select()
      .from(engagementCompanies)
      .where(and(inArray(engagementCompanies.engagementId, ids), isNull(engagementCompanies.purgedAt))),
    db
      .select({ engagementId: engagementOrganisations.engagementId, key: partnerOrganisations.key })
      .from(engagementOrganisations)
      .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, engagementOrganisations.organisationId)),
    db.select().from(engagementParticipants).where(inArray(engagementParticipants.engagementId, ids)),
  ]);
  return rows.map((r) => {
    const values: CsvValues = {
      kind: r.kind,
      date: r.date,
      title: r.title,
      areaCode: r.areaCode,
      orgnrs: companies
        .filter((c) => c.engagementId === r.id)
        .sort((a, b) => a.sort - b.sort)
        .flatMap((c) => (c.orgnr === null ? [] : [c.orgnr])),
      organisationKeys: orgs
        .filter((o) => o.engagementId === r.id)
        .map((o) => o.key)
        .sort(),
      participants: participants
        .filter((p) => p.engagementId === r.id)
        .sort((a, b) => a.sort - b.sort)
        .map((p) => ({ role: p.role, name: p.name })),
      topics: r.topics,
      measureKeys: r.measureKeys,
      notes: r.notes,
      notesExempt: r.notesExempt,
      notesExemptionBasis: r.notesExemptionBasis,
    };
    return { id: r.id, key: naturalKey(values), values };
  });
}

/** Imports all or nothing: rows with an ID update that engagement; others match by date, type, title and municipality. */
export async function importEngagementsCsv(
  db: DbOrTx,
  actor: Actor,
  bytes: Uint8Array,
  opts: RetentionOptions & { fileName?: string },
): Promise<ImportSummary> {
  const table = readCsvOrReject(bytes, ENGAGEMENT_COLUMNS);
  const problems: RowProblem[] = [...table.errors];
  const existing = await storedValues(db);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const incoming = [];
  const names = new Map<number, string[]>();
  for (const row of table.rows) {
    const parsed = rowValues(row.values, row.line, problems);
    const id = row.values.id === null ? null : String(row.values.id);
    if (id !== null && !isUuid(id)) problems.push({ line: row.line, column: "ID", message: `"${id}" is not an id from an export` });
    if (!parsed) continue;
    const { names: typedNames, ...values } = parsed;
    names.set(row.line, typedNames);
    values.organisationKeys = [...values.organisationKeys].sort();
    const stored = (id ? byId.get(id) : undefined) ?? byKey.get(naturalKey(values));
    // An exempt note is not in the file: an empty cell keeps what is stored.
    if (values.notesExempt && values.notes === null && stored?.values.notesExempt) values.notes = stored.values.notes;
    incoming.push({ line: row.line, id: id && isUuid(id) ? id : null, key: naturalKey(values), values });
  }
  const unknownMeasures = new Set(
    await unknownMeasureKeys(
      db,
      incoming.flatMap((r) => r.values.measureKeys),
    ),
  );
  const orgKeys = [...new Set(incoming.flatMap((r) => r.values.organisationKeys))];
  const knownOrgs = new Set(
    orgKeys.length > 0
      ? (
          await db.select({ key: partnerOrganisations.key }).from(partnerOrganisations).where(inArray(partnerOrganisations.key, orgKeys))
        ).map((o) => o.key)
      : [],
  );
  for (const r of incoming) {
    for (const k of r.values.measureKeys)
      if (unknownMeasures.has(k)) problems.push({ line: r.line, column: "Tiltak", message: `no plan has a measure with key "${k}"` });
    for (const k of r.values.organisationKeys)
      if (!knownOrgs.has(k)) problems.push({ line: r.line, column: "Organisasjoner", message: `no organisation with key "${k}"` });
  }
  const plan = planImport(incoming, existing);
  problems.push(...plan.errors);
  rejectIfProblems(problems);

  const { batchId, counts } = await recordImportBatch(db, actor, {
    kind: "engagements",
    fileName: opts.fileName,
    encoding: table.encoding,
    rowsRead: table.rows.length,
    plan,
  });
  const companiesOf = (line: number, orgnrs: string[]) => orgnrs.map((orgnr, i) => ({ orgnr, name: names.get(line)?.[i] ?? null }));
  for (const r of plan.inserts) {
    const { orgnrs, ...v } = r.values;
    await createEngagement(db, actor, { ...v, companies: companiesOf(r.line, orgnrs) }, { ...opts, batchId: batchId, id: r.id });
  }
  for (const u of plan.updates) {
    const { orgnrs, ...v } = u.after;
    await updateEngagement(db, actor, u.id, { ...v, companies: companiesOf(u.line, orgnrs) }, { ...opts, batchId: batchId });
  }
  await recordAudit(db, actor, {
    action: "engagement.import",
    entityType: "import_batch",
    entityId: batchId,
    after: { fileName: opts.fileName ?? null, ...counts },
  });
  return { batchId: batchId, encoding: table.encoding, ...counts };
}
