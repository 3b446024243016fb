/**
 * API types for the web client, inferred from the contract (core/api) with `import type` only:
 * no zod reaches the browser bundle. Vocabularies come from core/vocabulary.ts.
 */
import type { z } from "zod";
import type { IndicatorValueView, PlanIndicator } from "../core/api/indicators.js";
import type { MeasureDetail, MeasureUpdateView } from "../core/api/measures.js";
import type { EvaluatedTarget, Fact, PlanSummary, PlanTree, SearchHit, TreeFocusArea } from "../core/api/plans.js";
import type { PublicUser } from "../core/api/users.js";
import type { MeasureStatus, TargetStatus } from "../core/vocabulary.js";

export type { Fact, MeasureDetail, MeasureStatus, PlanIndicator, PlanSummary, PlanTree, PublicUser, SearchHit, TargetStatus };
export type FocusArea = TreeFocusArea;
export type Target = EvaluatedTarget;
export type IndicatorValue = IndicatorValueView;
export type MeasureUpdate = MeasureUpdateView;

// --- delivery logs and the land bank --------------------------------------------------------

import type { PlacementTotals, PlacementView, Sector } from "../core/api/placements.js";
import type { ImportSummary } from "../core/logs/import-schemas.js";
import type {
  breachesResponse,
  caseViewSchema,
  importResponse,
  ruleView,
  statsResponse,
} from "../server/modules/building-cases/building-cases.schemas.js";
import type { sessionViewSchema, yearlyCountsSchema } from "../server/modules/entrepreneurs/entrepreneurs.schemas.js";
import type { landAreaView, rezoningView, supplyReportView } from "../server/modules/land/land.schemas.js";
import type { ProjectKind, ProjectStatus, ProjectView } from "../server/modules/projects/projects.schemas.js";

export type { ImportSummary, PlacementTotals, PlacementView, ProjectKind, ProjectStatus, ProjectView, Sector };

/** GET /api/building-cases */
export type BuildingCase = z.infer<typeof caseViewSchema>;
export type ApplicationType = BuildingCase["applicationType"];
/** GET /api/building-cases/stats */
export type BuildingCaseStats = z.infer<typeof statsResponse>;
export type BuildingCasePeriodStats = BuildingCaseStats["periods"][number];
/** GET /api/building-cases/breaches */
export type BuildingCaseBreaches = z.infer<typeof breachesResponse>;
export type BreachItem = BuildingCaseBreaches["statutory"][number];
/** GET /api/building-cases/rules */
export type DeadlineRule = z.infer<typeof ruleView>;
/** POST /api/building-cases/import (its own summary shape: `read`, not `rowsRead`). */
export type BuildingCaseImport = z.infer<typeof importResponse>;

/** Etablerertjenesten */
export type EntrepreneurSession = z.infer<typeof sessionViewSchema>;
export type SessionKind = EntrepreneurSession["kind"];
export type EntrepreneurYear = z.infer<typeof yearlyCountsSchema>[number];

/** The land bank */
export type LandArea = z.infer<typeof landAreaView>;
export type LandAreaStatus = NonNullable<LandArea["status"]>;
export type LandGeometry = NonNullable<LandArea["geometry"]>;
export type SupplyReport = z.infer<typeof supplyReportView>;
export type RezoningApplication = z.infer<typeof rezoningView>;
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
