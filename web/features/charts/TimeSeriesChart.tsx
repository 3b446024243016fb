/**
 * An indicator's values over time as an SVG line with points, with targets drawn as reference
 * lines or bands. The chart is an image with a title and description; the page shows the same
 * numbers as a table (`describedBy`).
 */
import { useId, useRef } from "react";
import { useElementWidth } from "../../components/useElementWidth.js";
import { formatIndicatorValue, formatNumber, type Locale, shortPeriodLabel } from "../../format.js";
import { type ChartGeometry, layoutTimeSeries, minGap, type ReferenceBand, type SeriesPoint, truncate } from "./scale.js";

/** Geometry in CSS pixels for a container `width` wide, so text keeps its size on a phone. */
export function chartGeometry(width: number): ChartGeometry {
  const w = Math.max(280, Math.min(1200, width));
  const height = w < 480 ? 240 : 300;
  return { width: w, height, plot: { left: w < 480 ? 56 : 72, right: w - 16, top: 24, bottom: height - 44 } };
}

export default function TimeSeriesChart({
  series,
  bands,
  format,
  title,
  description,
  describedBy,
  locale,
  invert = false,
}: {
  series: SeriesPoint[];
  bands: ReferenceBand[];
  format: { format: string; unit: string };
  title: string;
  description: string;
  describedBy?: string;
  locale: Locale;
  invert?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Several charts can share a page: the title and description ids must be unique.
  const id = useId();
  const GEOMETRY = chartGeometry(useElementWidth(box, 720));
  const zeroBased = format.format !== "rank" && series.every((p) => p.value >= 0);
  const layout = layoutTimeSeries(series, bands, GEOMETRY, {
    invert,
    zeroBased,
    maxXTicks: GEOMETRY.width < 480 ? 4 : 8,
    integer: format.format === "rank" || format.format === "integer",
    floor: format.format === "rank" ? 1 : undefined,
  });
  const { plot } = GEOMETRY;
  const valueTexts = layout.points.map((p) => formatIndicatorValue(p.value, format, locale, false));
  const longest = Math.max(0, ...valueTexts.map((v) => v.length));
  // Value labels only where they fit side by side (about 7 px per character at 12 px).
  const showValues = minGap(layout.points.map((p) => p.x)) > longest * 7 + 8;
  const maxLabelChars = Math.floor((plot.right - plot.left) / 6.6);
  const yText = (v: number) => (format.format === "percent" ? `${formatNumber(v, locale, 2)} %` : formatNumber(v, locale, 2));
  return (
    <div ref={box} className="nk-chart-box">
      <svg
        width={GEOMETRY.width}
        height={GEOMETRY.height}
        viewBox={`0 0 ${GEOMETRY.width} ${GEOMETRY.height}`}
        className="nk-chart"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.yTicks.map((tick) => (
          <g key={tick.value} className="nk-chart__tick">
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className="nk-chart__grid" />
            <text x={plot.left - 8} y={tick.y + 4} textAnchor="end">
              {yText(tick.value)}
            </text>
          </g>
        ))}
        {layout.bands.map((b) =>
          b.y0 === b.y1 ? (
            <g key={`line-${b.label}-${b.from}`} className="nk-chart__target">
              <line x1={plot.left} x2={plot.right} y1={b.y0} y2={b.y0} />
              <text x={plot.right} y={b.y0 - 6} textAnchor="end">
                {truncate(b.label, maxLabelChars)}
              </text>
            </g>
          ) : (
            <g key={`band-${b.label}-${b.from}-${b.to}`} className="nk-chart__band">
              <rect x={plot.left} width={plot.right - plot.left} y={Math.min(b.y0, b.y1)} height={Math.abs(b.y1 - b.y0)} />
              <text x={plot.right} y={Math.min(b.y0, b.y1) - 6} textAnchor="end">
                {truncate(b.label, maxLabelChars)}
              </text>
            </g>
          ),
        )}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="nk-chart__axis" />
        {layout.xTicks.map((tick) => (
          <text key={tick.period} x={tick.x} y={plot.bottom + 22} textAnchor="middle" className="nk-chart__xlabel">
            {shortPeriodLabel(tick.period, locale)}
          </text>
        ))}
        {layout.points.length > 1 && <path d={layout.path} className="nk-chart__line" />}
        {layout.points.map((p, i) => (
          <g key={p.period}>
            <circle cx={p.x} cy={p.y} r={5} className="nk-chart__point" />
            {showValues && (
              <text x={p.x} y={p.y - 10} textAnchor="middle" className="nk-chart__value">
                {valueTexts[i]}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}
