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
