import { Button, Input } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import { pickDefaultPlan, usePlans } from "../features/plan/plans.js";
import { useSession } from "../features/session/session.js";
import { setLanguage, useI18n } from "../i18n/index.js";
import { hrefFor, navigate, parseRoute, type Route, useLocationUrl } from "../router.js";
import { onAppLinkClick } from "./AppLink.js";
import { Icon } from "./Icon.js";
import { UserMenu } from "./UserMenu.js";

function Logo() {
  return (
    <svg className="nk-brand__logo" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="currentColor" />
      <path d="M16 4.5l4.2 11.5L16 27.5 11.8 16z" fill="#fff" />
      <path d="M16 4.5l4.2 11.5h-8.4z" fill="#f4b400" />
    </svg>
  );
}

/** Which header section a page belongs to (for aria-current). */
function navSection(name: Route["name"]): "plan" | "land" | "logs" | "register" | null {
  if (name === "land-bank" || name === "land-area") return "land";
  if (name === "business-structure" || name === "company") return "register";
  if (
    name === "logs" ||
    name === "building-cases" ||
    name === "entrepreneurs" ||
    name === "placements" ||
    name === "projects" ||
    name === "log"
  )
    return "logs";
  if (name === "engagements" || name === "engagement-offers" || name === "engagement-welcomes") return "logs";
  if (name === "overview" || name === "area" || name === "measure" || name === "indicator") return "plan";
  return null;
}

export function Header() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const plans = usePlans();
  const plan = pickDefaultPlan(plans.data);
  const url = useLocationUrl();
  const route = parseRoute(url.split("?")[0] ?? "/", url.includes("?") ? url.slice(url.indexOf("?")) : "");
  const [q, setQ] = useState(route.name === "search" ? route.q : "");
  const routeQ = route.name === "search" ? route.q : null;
  useEffect(() => {
    if (routeQ !== null) setQ(routeQ);
  }, [routeQ]);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    navigate(hrefFor({ name: "search", q: q.trim() }));
  };
  const other = locale === "nb" ? "en" : "nb";
  const signInHref = hrefFor({ name: "signin", next: route.name === "signin" ? undefined : url });
  const section = navSection(route.name);
  const navItems = [
    { href: hrefFor({ name: "overview" }), label: t("nav.overview"), current: section === "plan" },
    { href: hrefFor({ name: "land-bank" }), label: t("nav.landBank"), current: section === "land" },
    { href: hrefFor({ name: "business-structure" }), label: t("nav.businessStructure"), current: section === "register" },
    ...(user ? [{ href: hrefFor({ name: "logs" }), label: t("nav.logs"), current: section === "logs" }] : []),
  ];

  return (
    <header className="nk-header">
      <div className="nk-container nk-header__inner">
        <a href="/" className="nk-brand" onClick={(e) => onAppLinkClick(e, "/")}>
          <Logo />
          <span className="nk-brand__text">
            <span className="nk-brand__name">{t("app.name")}</span>
            {plan && <span className="nk-brand__org">{t("header.municipality", { name: plan.municipality.name })}</span>}
          </span>
        </a>
        <search className="nk-header__search" aria-label={t("search.formLabel")}>
          <form className="nk-header__search-form" onSubmit={onSearch}>
            <label htmlFor="header-search" className="nk-visually-hidden">
              {t("search.label")}
            </label>
            <Input
              id="header-search"
              type="search"
              name="q"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("search.placeholder")}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary" data-size="md">
              <Icon name="search" />
              {t("search.submit")}
            </Button>
          </form>
        </search>
        <div className="nk-header__tools">
          <Button variant="tertiary" data-size="md" lang={other} onClick={() => void setLanguage(other)}>
            <Icon name="globe" />
            {t("header.otherLanguage")}
          </Button>
          {user ? (
            <UserMenu user={user} />
          ) : route.name === "signin" ? null : (
            <Button asChild variant="secondary" data-size="md">
              <a href={signInHref} onClick={(e) => onAppLinkClick(e, signInHref)}>
                <Icon name="user" />
                {t("header.signIn")}
              </a>
            </Button>
          )}
        </div>
      </div>
      <nav className="nk-header__nav" aria-label={t("nav.main")}>
        <ul className="nk-container nk-header__nav-list">
          {navItems.map((item) => (
            <li key={item.href}>
              <a
                href={item.href}
                className="nk-header__nav-link"
                aria-current={item.current ? "page" : undefined}
                onClick={(e) => onAppLinkClick(e, item.href)}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
