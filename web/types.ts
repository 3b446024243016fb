/**
 * API types for the web client. Inferred from the server's zod response schemas and service
 * interfaces with `import type` only: nothing from server/ reaches the browser bundle.
 */
import type { z } from "zod";
import type { MeasureStatus } from "../core/plan/document.js";
import type { TargetStatus } from "../core/targets/evaluate.js";
import type { Role } from "../server/db/schema/index.js";
import type { indicatorValueViewSchema } from "../server/modules/indicators/indicators.routes.js";
import type { measureDetailSchema } from "../server/modules/measures/measures.routes.js";
import type { PlanChange, SearchHit } from "../server/modules/plans/plan-activity.service.js";
import type {
  evaluatedTargetSchema,
  indicatorViewSchema,
  planIndicatorSchema,
  planSummarySchema,
  planTreeSchema,
  treeFocusAreaSchema,
  treeMeasureSchema,
} from "../server/modules/plans/plans.schemas.js";
import type { PublicUser } from "../server/modules/users/users.service.js";

export type { MeasureStatus, PlanChange, PublicUser, Role, SearchHit, TargetStatus };

export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanTree = z.infer<typeof planTreeSchema>;
export type FocusArea = z.infer<typeof treeFocusAreaSchema>;
export type Measure = z.infer<typeof treeMeasureSchema>;
export type Target = z.infer<typeof evaluatedTargetSchema>;
export type Goal = FocusArea["goals"][number];
export type Fact = FocusArea["facts"][number];
export type StatusCounts = PlanTree["counts"];
export type IndicatorView = z.infer<typeof indicatorViewSchema>;
export type PlanIndicator = z.infer<typeof planIndicatorSchema>;
export type PlanIndicatorValue = PlanIndicator["values"][number];
export type IndicatorValue = z.infer<typeof indicatorValueViewSchema>;
export type IndicatorDetail = IndicatorView & { values: IndicatorValue[] };
/** GET /api/measures/{id} */
export type MeasureDetail = z.infer<typeof measureDetailSchema>;
export type MeasureUpdate = MeasureDetail["updates"][number];

/** GET /api/auth/session and POST /api/auth/login */
export interface SessionInfo {
  user: PublicUser | null;
  csrfToken: string | null;
}

export const TARGET_STATUS_ORDER: readonly TargetStatus[] = ["achieved", "on_track", "at_risk", "off_track", "not_due", "no_data"];
export const MEASURE_STATUS_ORDER: readonly MeasureStatus[] = ["completed", "in_progress", "planned", "delayed", "cancelled"];

// --- delivery logs and the land bank --------------------------------------------------------

import type { BuildingCaseBreaches, BuildingCaseImport, BuildingCaseStats, CaseView, DeadlineRule } from "../core/api/building-cases.js";
import type { LandAreaView, RezoningView, SupplyReport } from "../core/api/land.js";
import type { PlacementTotals, PlacementView, Sector } from "../core/api/placements.js";
import type { ImportSummary } from "../core/logs/import-schemas.js";
import type { sessionViewSchema, yearlyCountsSchema } from "../server/modules/entrepreneurs/entrepreneurs.schemas.js";
import type { PrivacyStatus } from "../server/modules/privacy/purge.service.js";
import type { ProjectKind, ProjectStatus, ProjectView } from "../server/modules/projects/projects.schemas.js";

/** GET /api/privacy/status (admins): PrivacyStatus. */
export type {
  BuildingCaseBreaches,
  BuildingCaseImport,
  BuildingCaseStats,
  DeadlineRule,
  ImportSummary,
  PlacementTotals,
  PlacementView,
  PrivacyStatus,
  ProjectKind,
  ProjectStatus,
  ProjectView,
  Sector,
  SupplyReport,
};
/** GET /api/building-cases */
export type BuildingCase = CaseView;
export type ApplicationType = BuildingCase["applicationType"];
export type BuildingCasePeriodStats = BuildingCaseStats["periods"][number];
export type BreachItem = BuildingCaseBreaches["statutory"][number];

/** Etablerertjenesten */
export type EntrepreneurSession = z.infer<typeof sessionViewSchema>;
export type SessionKind = EntrepreneurSession["kind"];
export type EntrepreneurYear = z.infer<typeof yearlyCountsSchema>[number];

/** The land bank */
export type LandArea = LandAreaView;
export type LandAreaStatus = NonNullable<LandArea["status"]>;
export type LandGeometry = NonNullable<LandArea["geometry"]>;
export type RezoningApplication = RezoningView;
export type RezoningStatus = RezoningApplication["status"];

// --- business register (Enhetsregisteret) --------------------------------------------------

import type { RecordProblem } from "../core/register/types.js";
import type {
  Analysis,
  AreaSummary,
  Breakdown,
  EmploymentFigures,
  FirmFigures,
  rankMunicipalities,
  SnapshotRef,
  SurvivalFigure,
  YearFigures,
} from "../server/modules/register/analysis.service.js";
import type { CompanyView, RegisterEntityView, TopEmployerRow } from "../server/modules/register/companies.service.js";
import type { ImportSummary as RegisterImportSummary } from "../server/modules/register/import.service.js";

export type {
  Analysis,
  AreaSummary,
  Breakdown,
  CompanyView,
  EmploymentFigures,
  FirmFigures,
  RecordProblem,
  RegisterEntityView,
  RegisterImportSummary,
  SnapshotRef,
  SurvivalFigure,
  TopEmployerRow,
  YearFigures,
};
/** GET /api/register/ranking */
export type Ranking = Awaited<ReturnType<typeof rankMunicipalities>>;
export type RankingRow = Ranking["rows"][number];
/** POST /api/register/imports (202) and GET /api/register/imports/{id}: the route's jobView. */
export interface RegisterImportJob {
  id: string;
  status: "running" | "done" | "failed";
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  records: number;
  startedAt: string;
  summary: RegisterImportSummary | null;
  error: { message: string; line: number | null } | null;
}
/** GET /api/register/snapshots (signed-in): one row per import or feed sync. */
export interface RegisterSnapshotRow {
  id: number;
  kind: "enheter" | "underenheter";
  asOf: string;
  scope: string;
  source: string;
  sourceFormat: string | null;
  naceVersion: string | null;
  status: string;
  basedOn: number | null;
  /** The import summary without its problem list (see `rejections`). */
  summary: Partial<Omit<RegisterImportSummary, "problems">> | null;
  rejections: RecordProblem[] | null;
  note: string | null;
  createdBy: string | null;
  startedAt: string;
  completedAt: string | null;
}
