/** Designsystemet breadcrumbs with in-app navigation; on narrow screens only the "back" link shows. */
import { BreadcrumbsItem, BreadcrumbsLink, BreadcrumbsList, Breadcrumbs as DsBreadcrumbs } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/index.js";
import { onAppLinkClick } from "./AppLink.js";

export interface Crumb {
  href: string;
  label: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  const parent = items[items.length - 1];
  return (
    <DsBreadcrumbs aria-label={t("nav.breadcrumbs")} className="nk-breadcrumbs">
      {parent && (
        <BreadcrumbsLink href={parent.href} onClick={(e) => onAppLinkClick(e, parent.href)}>
          {t("nav.backTo", { page: parent.label })}
        </BreadcrumbsLink>
      )}
      <BreadcrumbsList>
        {items.map((c) => (
          <BreadcrumbsItem key={c.href}>
            <BreadcrumbsLink href={c.href} onClick={(e) => onAppLinkClick(e, c.href)}>
              {c.label}
            </BreadcrumbsLink>
          </BreadcrumbsItem>
        ))}
      </BreadcrumbsList>
    </DsBreadcrumbs>
  );
}
