/** Page frame: skip link, header (product, municipality, search, language, user), main, footer. */
import { SkipLink } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { pickDefaultPlan, usePlans } from "../features/plan/plans.js";
import { formatDate } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { useLocationUrl } from "../router.js";
import { Header } from "./Header.js";

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const plans = usePlans();
  const plan = pickDefaultPlan(plans.data);
  return (
    <div className="nk-app">
      <SkipLink href="#main">{t("nav.skipToContent")}</SkipLink>
      <Header />
      <main id="main" tabIndex={-1} className="nk-main">
        {children}
        <PrintSource />
      </main>
      <footer className="nk-footer">
        <div className="nk-container nk-footer__inner">
          <p>
            <strong>{t("app.name")}</strong> · {plan ? t("footer.municipality", { name: plan.municipality.name }) : null}
          </p>
          <p>{t("footer.about")}</p>
          <p>
            <a href="/api/openapi.json">{t("footer.api")}</a>
          </p>
        </div>
      </footer>
    </div>
  );
}

/** On paper only: where the page came from and when it was printed. */
function PrintSource() {
  const { t, locale } = useI18n();
  const url = useLocationUrl();
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
  return (
    <p className="nk-print-only nk-container">
      {t("print.source", { url: `${window.location.origin}${url}`, date: formatDate(today, locale) })}
    </p>
  );
}
