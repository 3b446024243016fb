/** A target with its status (tag), the plan's wording, the explanation with numbers, and its indicator. */
import { Details, DetailsContent, DetailsSummary } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { PlainLink } from "../../components/AppLink.js";
import { TargetStatusTag } from "../../components/StatusTag.js";
import { periodLabel } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { PlanIndicator, Target } from "../../types.js";
import { repeats } from "./text.js";

export function TargetItem({
  target,
  indicator,
  planKey,
  showPeriods = false,
  hideIndicator = false,
  parentText,
  children,
}: {
  target: Target;
  indicator?: Pick<PlanIndicator, "key" | "name">;
  planKey?: string;
  showPeriods?: boolean;
  hideIndicator?: boolean;
  /** The goal's or measure's text: the target's own wording is left out when it only repeats it. */
  parentText?: string;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="nk-target" data-target={target.key}>
      <div className="nk-target__head">
        <TargetStatusTag status={target.status} />
        {!(parentText && repeats(target.text, parentText)) && <span className="nk-target__text">{target.text}</span>}
      </div>
      <p className="nk-target__explanation">{target.explanation.text}</p>
      {target.indicator && !hideIndicator && (
        <p className="nk-target__indicator">
          {t("target.reads")}{" "}
          <PlainLink href={hrefFor({ name: "indicator", key: target.indicator, planKey })} className="nk-link">
            {indicator ? indicator.name[locale] : target.indicator}
          </PlainLink>
        </p>
      )}
      {children}
      {showPeriods && target.periods.length > 1 && (
        <Details className="nk-target__periods" data-size="sm">
          <DetailsSummary>{t("target.perPeriod")}</DetailsSummary>
          <DetailsContent>
            <ul className="nk-period-list">
              {target.periods.map((p) => (
                <li key={p.period}>
                  <span className="nk-period-list__period">{periodLabel(p.period, locale)}</span>
                  <TargetStatusTag status={p.status} />
                  <span>{p.explanation.text}</span>
                </li>
              ))}
            </ul>
          </DetailsContent>
        </Details>
      )}
    </div>
  );
}
