/**
 * API types for the web client, inferred from the contract (core/api) with `import type` only:
 * no zod reaches the browser bundle. Vocabularies come from core/vocabulary.ts.
 */
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

import type { BuildingCaseBreaches, BuildingCaseImport, BuildingCaseStats, CaseView, DeadlineRule } from "../core/api/building-cases.js";
import type { SessionView, YearlyCounts } from "../core/api/entrepreneurs.js";
import type { LandAreaView, RezoningView, SupplyReport } from "../core/api/land.js";
import type { PlacementTotals, PlacementView, Sector } from "../core/api/placements.js";
import type { ProjectKind, ProjectStatus, ProjectView } from "../core/api/projects.js";
import type { ImportSummary } from "../core/logs/import-schemas.js";

export type {
  BuildingCaseBreaches,
  BuildingCaseImport,
  BuildingCaseStats,
  DeadlineRule,
  ImportSummary,
  PlacementTotals,
  PlacementView,
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
export type EntrepreneurSession = SessionView;
export type SessionKind = EntrepreneurSession["kind"];
export type EntrepreneurYear = YearlyCounts[number];

/** The land bank */
export type LandArea = LandAreaView;
export type LandAreaStatus = NonNullable<LandArea["status"]>;
export type LandGeometry = NonNullable<LandArea["geometry"]>;
export type RezoningApplication = RezoningView;
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
