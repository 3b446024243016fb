/**
 * Byggesaker: processing-time statistics for næringsbygg against the plan's 8 weeks (charts with
 * their table), the breach lists, the applications with filters, CSV import and export, and the
 * statutory deadline rules with their citations.
 */
import { invalidate } from "../data.js";
import { Applications } from "../features/building-cases/Applications.js";
import { Breaches } from "../features/building-cases/Breaches.js";
import { Rules } from "../features/building-cases/Rules.js";
import { Statistics } from "../features/building-cases/Statistics.js";
import { LogImportSection } from "../features/logs/LogList.js";
import { LogHead, LogTargets, RequireUser, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { useI18n } from "../i18n/index.js";
import "../styles/logs.css";

export default function BuildingCasesPage() {
  const { t } = useI18n();
  const title = t("buildingCases.title");
  return (
    <RequireUser route={{ name: "building-cases" }} title={title} lead={t("buildingCases.lead")}>
      <BuildingCases />
    </RequireUser>
  );
}

function BuildingCases() {
  const { t } = useI18n();
  const { user } = useSession();
  const editor = canWrite(user, false);
  const readers = usePlanTargets(LOG_INDICATORS["building-cases"]);
  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("buildingCases.title")} lead={t("buildingCases.lead")} />
      <Statistics />
      <LogTargets readers={readers} id="bc-targets-heading" />
      <Breaches />
      <Applications />
      {editor && (
        <LogImportSection
          prefix="bc"
          heading={t("buildingCases.importHeading")}
          path="/api/building-cases/import"
          help={t("buildingCases.importHelp")}
          onImported={() => invalidate(isLogDataPath("/api/building-cases"))}
        />
      )}
      <Rules />
    </div>
  );
}
