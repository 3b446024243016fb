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
import type { PrivacyStatus } from "../server/modules/privacy/purge.service.js";
import type { ProjectKind, ProjectStatus, ProjectView } from "../server/modules/projects/projects.schemas.js";

/** GET /api/privacy/status (admins): PrivacyStatus. */
export type { ImportSummary, PlacementTotals, PlacementView, PrivacyStatus, ProjectKind, ProjectStatus, ProjectView, Sector };

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

import type {
  Analysis,
  AreaSummary,
  Breakdown,
  CompanyView,
  EmploymentFigures,
  FirmFigures,
  Ranking,
  RankingRow,
  RegisterEntityView,
  ImportJob as RegisterImportJob,
  ImportSummary as RegisterImportSummary,
  RegisterSnapshotRow,
  SnapshotRef,
  SurvivalFigure,
  TopEmployerRow,
  YearFigures,
} from "../core/api/register.js";
import type { RecordProblem } from "../core/register/types.js";

export type {
  Analysis,
  AreaSummary,
  Breakdown,
  CompanyView,
  EmploymentFigures,
  FirmFigures,
  Ranking,
  RankingRow,
  RecordProblem,
  RegisterEntityView,
  RegisterImportJob,
  RegisterImportSummary,
  RegisterSnapshotRow,
  SnapshotRef,
  SurvivalFigure,
  TopEmployerRow,
  YearFigures,
};
