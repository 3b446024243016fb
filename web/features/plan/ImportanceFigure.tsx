/**
 * The plan's figure: focus areas placed by importance (y) and the municipality's possibility to
 * influence (x). Each point is a link (keyboard-focusable); approximate placements are drawn
 * with a dashed ring and named in the caption; the data is also given as a table.
 */
import {
  Details,
  DetailsContent,
  DetailsSummary,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@digdir/designsystemet-react";
import { useMemo, useRef } from "react";
import { onAppLinkClick } from "../../components/AppLink.js";
import { useElementWidth } from "../../components/useElementWidth.js";
import { formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { FocusArea } from "../../types.js";
import { figureLayoutFor, LABEL_MIN_WIDTH, layoutFigure, POINT_RADIUS } from "./figure.js";

export function levelWord(v: number): "low" | "medium" | "high" {
  return v < 0.34 ? "low" : v < 0.67 ? "medium" : "high";
}

export default function ImportanceFigure({ areas, planKey }: { areas: FocusArea[]; planKey: string | undefined }) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 640);
  const L = useMemo(() => figureLayoutFor(width), [width]);
  const showLabels = L.width >= LABEL_MIN_WIDTH;
  const withFigure = useMemo(() => areas.filter((a) => a.figure), [areas]);
  const points = useMemo(
    () =>
      layoutFigure(
        withFigure.map((a) => ({
          number: a.number,
          label: a.title,
          influence: a.figure?.influence ?? 0,
          importance: a.figure?.importance ?? 0,
          approximate: !!a.figure?.approximate,
        })),
        L,
      ),
    [withFigure, L],
  );
  if (withFigure.length === 0) return null;
  const approximate = withFigure.filter((a) => a.figure?.approximate);
  const midX = (L.left + L.right) / 2;
  const midY = (L.top + L.bottom) / 2;
  const hrefOf = (n: number) => hrefFor({ name: "area", planKey, number: n });

  return (
    <figure className="nk-figure" aria-labelledby="figure-caption">
      <div ref={box} className="nk-figure__box">
        <svg
          width={L.width}
          height={L.height}
          viewBox={`0 0 ${L.width} ${L.height}`}
          className="nk-figure__svg"
          aria-labelledby="figure-title"
          focusable="false"
        >
          <title id="figure-title">{t("figure.title")}</title>
          <rect x={L.left} y={L.top} width={L.right - L.left} height={L.bottom - L.top} className="nk-fig-plot" />
          <rect x={midX} y={L.top} width={L.right - midX} height={midY - L.top} className="nk-fig-quadrant" />
          <line x1={midX} x2={midX} y1={L.top} y2={L.bottom} className="nk-fig-mid" />
          <line x1={L.left} x2={L.right} y1={midY} y2={midY} className="nk-fig-mid" />
          <line x1={L.left} x2={L.right} y1={L.bottom} y2={L.bottom} className="nk-fig-axis" />
          <line x1={L.left} x2={L.left} y1={L.top} y2={L.bottom} className="nk-fig-axis" />
          <g className="nk-fig-axis-text">
            <text x={L.left} y={L.bottom + 20} textAnchor="start">
              {t("figure.low")}
            </text>
            <text x={L.right} y={L.bottom + 20} textAnchor="end">
              {t("figure.high")}
            </text>
            <text x={midX} y={L.bottom + 44} textAnchor="middle" className="nk-fig-axis-title">
              {t("figure.xAxis")} →
            </text>
            <text x={L.left - 10} y={L.bottom} textAnchor="end">
              {t("figure.low")}
            </text>
            <text x={L.left - 10} y={L.top + 12} textAnchor="end">
              {t("figure.high")}
            </text>
            <text transform={`translate(${L.left - 36} ${midY}) rotate(-90)`} textAnchor="middle" className="nk-fig-axis-title">
              {t("figure.yAxis")} →
            </text>
          </g>
          {points.map((p) => (
            <a
              key={p.number}
              href={hrefOf(p.number)}
              className="nk-fig-point"
              aria-label={t("figure.pointLabel", {
                number: p.number,
                title: p.label,
                importance: t(`figure.level.${levelWord(p.importance)}`),
                influence: t(`figure.level.${levelWord(p.influence)}`),
              })}
              onClick={(e) => onAppLinkClick(e, hrefOf(p.number))}
            >
              <circle cx={p.cx} cy={p.cy} r={POINT_RADIUS + 5} className="nk-fig-focus" />
              <circle cx={p.cx} cy={p.cy} r={POINT_RADIUS} className={p.approximate ? "nk-fig-dot nk-fig-dot--approx" : "nk-fig-dot"} />
              <text x={p.cx} y={p.cy + 5} textAnchor="middle" className="nk-fig-number">
                {p.number}
              </text>
              {showLabels && (
                <text x={p.labelX} y={p.labelY} textAnchor={p.anchor} className="nk-fig-label">
                  {p.lines.map((line, i) => (
                    <tspan key={line} x={p.labelX} dy={i === 0 ? 0 : 16}>
                      {line}
                    </tspan>
                  ))}
                </text>
              )}
            </a>
          ))}
        </svg>
      </div>
      <figcaption id="figure-caption" className="nk-figure__caption">
        {t("figure.caption")}{" "}
        {approximate.length > 0 &&
          t("figure.approximate", {
            count: approximate.length,
            numbers: approximate.map((a) => a.number).join(", "),
          })}
      </figcaption>
      <Details className="nk-figure__data">
        <DetailsSummary>{t("figure.asTable")}</DetailsSummary>
        <DetailsContent>
          <Table data-size="sm" className="nk-table nk-table--stack">
            <caption className="nk-visually-hidden">{t("figure.title")}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("figure.col.area")}</TableHeaderCell>
                <TableHeaderCell>{t("figure.col.importance")}</TableHeaderCell>
                <TableHeaderCell>{t("figure.col.influence")}</TableHeaderCell>
                <TableHeaderCell>{t("figure.col.placement")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {withFigure.map((a) => (
                <TableRow key={a.id}>
                  <TableCell data-label={t("figure.col.area")}>
                    {a.number}. {a.title}
                  </TableCell>
                  <TableCell data-label={t("figure.col.importance")}>{formatNumber(a.figure?.importance ?? 0, locale, 2)}</TableCell>
                  <TableCell data-label={t("figure.col.influence")}>{formatNumber(a.figure?.influence ?? 0, locale, 2)}</TableCell>
                  <TableCell data-label={t("figure.col.placement")}>
                    {a.figure?.approximate ? t("figure.placementApprox") : t("figure.placementExact")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DetailsContent>
      </Details>
    </figure>
  );
}
