/**
 * Route → page. The overview is in the first bundle; every other page (and the charts, admin
 * and indicator code they pull in) loads on demand.
 */
import { lazy, type ReactElement, Suspense } from "react";
import { Loading } from "./components/Feedback.js";
import { OverviewPage } from "./pages/OverviewPage.js";
import { parseRoute, useLocationUrl } from "./router.js";

const FocusAreaPage = lazy(() => import("./pages/FocusAreaPage.js"));
const MeasurePage = lazy(() => import("./pages/MeasurePage.js"));
const IndicatorPage = lazy(() => import("./pages/IndicatorPage.js"));
const SignInPage = lazy(() => import("./pages/SignInPage.js"));
const AdminUsersPage = lazy(() => import("./pages/AdminUsersPage.js"));
const SearchPage = lazy(() => import("./pages/SearchPage.js"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage.js"));
const LogsPage = lazy(() => import("./pages/LogsPage.js"));
const BuildingCasesPage = lazy(() => import("./pages/BuildingCasesPage.js"));
const EntrepreneursPage = lazy(() => import("./pages/EntrepreneursPage.js"));
const PlacementsPage = lazy(() => import("./pages/PlacementsPage.js"));
const ProjectsPage = lazy(() => import("./pages/ProjectsPage.js"));
const DescribedLogPage = lazy(() => import("./features/logs/DescribedLogPage.js"));
const LandBankPage = lazy(() => import("./pages/LandBankPage.js"));
const LandAreaPage = lazy(() => import("./pages/LandAreaPage.js"));
const EngagementsPage = lazy(() => import("./pages/EngagementsPage.js"));
const EngagementOffersPage = lazy(() => import("./pages/EngagementOffersPage.js"));
const EngagementWelcomesPage = lazy(() => import("./pages/EngagementWelcomesPage.js"));
const BusinessStructurePage = lazy(() => import("./pages/BusinessStructurePage.js"));
const CompanyPage = lazy(() => import("./pages/CompanyPage.js"));

export function Routes() {
  const url = useLocationUrl();
  const q = url.indexOf("?");
  const route = parseRoute(q >= 0 ? url.slice(0, q) : url, q >= 0 ? url.slice(q) : "");
  let page: ReactElement;
  switch (route.name) {
    case "overview":
      page = <OverviewPage planKey={route.planKey} />;
      break;
    case "area":
      page = <FocusAreaPage planKey={route.planKey} number={route.number} />;
      break;
    case "measure":
      page = <MeasurePage id={route.id} />;
      break;
    case "indicator":
      page = <IndicatorPage indicatorKey={route.key} planKey={route.planKey} />;
      break;
    case "signin":
      page = <SignInPage next={route.next} />;
      break;
    case "admin-users":
      page = <AdminUsersPage />;
      break;
    case "search":
      page = <SearchPage q={route.q} planKey={route.planKey} />;
      break;
    case "logs":
      page = <LogsPage />;
      break;
    case "building-cases":
      page = <BuildingCasesPage />;
      break;
    case "entrepreneurs":
      page = <EntrepreneursPage />;
      break;
    case "placements":
      page = <PlacementsPage />;
      break;
    case "projects":
      page = <ProjectsPage />;
      break;
    case "log":
      page = <DescribedLogPage key={route.key} logKey={route.key} />;
      break;
    case "land-bank":
      page = <LandBankPage />;
      break;
    case "land-area":
      page = <LandAreaPage key={route.key} areaKey={route.key} />;
      break;
    case "engagements":
      page = <EngagementsPage />;
      break;
    case "engagement-offers":
      page = <EngagementOffersPage key={route.year ?? "now"} year={route.year} />;
      break;
    case "engagement-welcomes":
      page = <EngagementWelcomesPage />;
      break;
    case "business-structure":
      page = <BusinessStructurePage area={route.area} asOf={route.asOf} view={route.view} metric={route.metric} />;
      break;
    case "company":
      page = <CompanyPage key={route.orgnr} orgnr={route.orgnr} />;
      break;
    default:
      page = <NotFoundPage />;
  }
  return (
    <Suspense
      fallback={
        <div className="nk-container">
          <Loading />
        </div>
      }
    >
      {page}
    </Suspense>
  );
}
