/** Pieces of the land-bank pages: square metres, status, supply against demand, the rezoning table. */
import {
  Card,
  Details,
  DetailsContent,
  DetailsSummary,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { figureGap, lacksFigures } from "../../../core/land/figures.js";
import { PlainLink } from "../../components/AppLink.js";
import { Icon } from "../../components/Icon.js";
import { formatDate, formatNumber, type Locale } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { LandArea, RezoningApplication, SupplyReport } from "../../types.js";

const NBSP = "\u00a0";

/** "25 000 m²" (nb-NO grouping), or null as "–". */
export function m2(v: number | null | undefined, locale: Locale): string {
  return v === null || v === undefined ? "–" : `${formatNumber(v, locale, 0)}${NBSP}m²`;
}

type Coverage = SupplyReport["comparison"]["coversMin"];
const COVERAGE_STYLE: Record<Coverage, { color: "success" | "danger" | "warning"; icon: "check" | "cross" | "alert" }> = {
  yes: { color: "success", icon: "check" },
  no: { color: "danger", icon: "cross" },
  unknown: { color: "warning", icon: "alert" },
};

function CoverageTag({ value }: { value: Coverage }) {
  const { t } = useI18n();
  const s = COVERAGE_STYLE[value];
  return (
    <Tag data-color={s.color} data-size="sm" className="nk-status">
      <Icon name={s.icon} />
      {t(`land.coverage.${value}`)}
    </Tag>
  );
}

export function SupplySummary({ report }: { report: SupplyReport }) {
  const { t, locale } = useI18n();
  const { supply, demand, comparison, areas } = report;
  const n = (v: number) => formatNumber(v, locale, 0);
  const horizon = demand.horizon;
  return (
    <>
      <div className="nk-kpis">
        <Card className="nk-kpi" data-color="neutral">
          <Heading level={3} data-size="2xs" className="nk-kpi__label">
            {t("land.supply.heading")}
          </Heading>
          <p className="nk-kpi__value">
            {supply.isLowerBound ? t("land.supply.atLeast", { value: m2(supply.totalM2, locale) }) : m2(supply.totalM2, locale)}
          </p>
          <p className="nk-kpi__note">
            {t("land.supply.parts", { available: m2(supply.availableM2, locale), planned: m2(supply.plannedM2, locale) })}
          </p>
        </Card>
        <Card className="nk-kpi" data-color="neutral">
          <Heading level={3} data-size="2xs" className="nk-kpi__label">
            {t("land.demand.perYear")}
          </Heading>
          <p className="nk-kpi__value">
            {demand.perYear
              ? `${demand.perYear.approximate ? t("land.approx") : ""}${m2(demand.perYear.m2, locale)}`
              : t("land.demand.none")}
          </p>
          {comparison.yearsOfAnnualDemand !== null && (
            <p className="nk-kpi__note">{t("land.demand.years", { years: formatNumber(comparison.yearsOfAnnualDemand, locale, 1) })}</p>
          )}
        </Card>
        <Card className="nk-kpi" data-color="neutral">
          <Heading level={3} data-size="2xs" className="nk-kpi__label">
            {horizon
              ? t("land.demand.horizon", { from: horizon.start.slice(0, 4), to: horizon.end.slice(0, 4) })
              : t("land.demand.horizonNone")}
          </Heading>
          <p className="nk-kpi__value">
            {horizon
              ? `${horizon.approximate ? t("land.approx") : ""}${formatNumber(horizon.minM2, locale, 0)}–${m2(horizon.maxM2, locale)}`
              : t("land.demand.none")}
          </p>
          {horizon && (
            <div className="nk-kpi__note nk-kpi__coverage">
              <span>
                {t("land.coverage.min", { value: m2(horizon.minM2, locale) })} <CoverageTag value={comparison.coversMin} />
              </span>
              <span>
                {t("land.coverage.max", { value: m2(horizon.maxM2, locale) })} <CoverageTag value={comparison.coversMax} />
              </span>
            </div>
          )}
        </Card>
      </div>
      {horizon && comparison.gapToMinM2 !== null && comparison.gapToMinM2 > 0 && (
        <Paragraph>
          {comparison.gapIsUpperBound
            ? t("land.gapUpper", { min: m2(comparison.gapToMinM2, locale), max: m2(comparison.gapToMaxM2, locale) })
            : t("land.gap", { min: m2(comparison.gapToMinM2, locale), max: m2(comparison.gapToMaxM2, locale) })}
        </Paragraph>
      )}
      <Paragraph className={areas.unknownAvailable + areas.unknownPlanned > 0 ? "nk-land-unknown" : "nk-muted"}>
        {areas.count === 0
          ? t("land.unknown.noAreas")
          : t("land.unknown.text", {
              count: areas.count,
              available: n(areas.unknownAvailable),
              planned: n(areas.unknownPlanned),
              both: n(areas.unknownBoth),
            })}{" "}
        {supply.isLowerBound && t("land.unknown.lowerBound")}
      </Paragraph>
      {(demand.perYear || horizon) && (
        <Details className="nk-land-demand-text">
          <DetailsSummary>{t("land.demand.whatPlanSays")}</DetailsSummary>
          <DetailsContent>
            {demand.perYear && (
              <blockquote lang="nb" className="nk-quote">
                {demand.perYear.text}
              </blockquote>
            )}
            {horizon && (
              <blockquote lang="nb" className="nk-quote">
                {horizon.text}
              </blockquote>
            )}
            <Paragraph data-size="sm" className="nk-muted">
              {t("land.demand.notDeducted")}
            </Paragraph>
          </DetailsContent>
        </Details>
      )}
    </>
  );
}

export function RezoningTable({ items, caption, showArea = true }: { items: RezoningApplication[]; caption: string; showArea?: boolean }) {
  const { t, locale } = useI18n();
  const cols = {
    caseId: t("land.rezoning.caseId"),
    title: t("land.rezoning.titleCol"),
    use: t("land.rezoning.use"),
    area: t("land.rezoning.areaM2"),
    received: t("land.rezoning.received"),
    decision: t("land.rezoning.decision"),
    status: t("land.rezoning.status"),
    ...(showArea ? { land: t("land.rezoning.landArea") } : {}),
  };
  return (
    <Table className="nk-table nk-table--stack" data-size="sm" zebra>
      <caption className="nk-table__caption">{caption}</caption>
      <TableHead>
        <TableRow>
          {Object.values(cols).map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((r) => (
          <TableRow key={r.id}>
            <TableCell data-label={cols.caseId}>{r.caseId}</TableCell>
            <TableCell data-label={cols.title}>{r.title}</TableCell>
            <TableCell data-label={cols.use}>
              <span lang="nb">
                {r.fromUse} → {r.toUse}
              </span>
            </TableCell>
            <TableCell data-label={cols.area} className="nk-num">
              {m2(r.areaM2, locale)}
            </TableCell>
            <TableCell data-label={cols.received}>{formatDate(r.receivedDate, locale)}</TableCell>
            <TableCell data-label={cols.decision}>{r.decisionDate ? formatDate(r.decisionDate, locale) : "–"}</TableCell>
            <TableCell data-label={cols.status}>{t(`land.rezoning.statusValue.${r.status}`)}</TableCell>
            {showArea && (
              <TableCell data-label={cols.land}>
                {r.landArea ? (
                  <PlainLink href={hrefFor({ name: "land-area", key: r.landArea.key })} className="nk-link">
                    {r.landArea.name}
                  </PlainLink>
                ) : (
                  "–"
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export { lacksFigures };

/** What an area lacks (figures, outline) as tags; `none` when it lacks nothing. */
export function MissingTags({ area, none = null }: { area: LandArea; none?: ReactNode }) {
  const { t } = useI18n();
  const gap = figureGap(area);
  if (gap === "none" && area.geometry) return <>{none}</>;
  return (
    <span className="nk-tags">
      {gap !== "none" && (
        <Tag data-color="warning" data-size="sm" variant="outline">
          {gap === "all" ? t("land.missing.figures") : t("land.missing.someFigures")}
        </Tag>
      )}
      {!area.geometry && (
        <Tag data-color="neutral" data-size="sm" variant="outline">
          {t("land.missing.shape")}
        </Tag>
      )}
    </span>
  );
}
