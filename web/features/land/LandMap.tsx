/**
 * The land areas' outlines over a plain background (no tile server: the app runs offline). Each
 * area is a link with its name; areas without floor-space figures are hatched (not colour alone),
 * the current one is drawn stronger. Drawn 1:1 at the container's width like the other charts.
 * The text alternative is the table of areas next to it.
 */
import { useId, useMemo, useRef } from "react";
import { onAppLinkClick } from "../../components/AppLink.js";
import { useElementWidth } from "../../components/useElementWidth.js";
import { formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { LandArea } from "../../types.js";
import { lacksFigures } from "./LandParts.js";
import { layoutMap, type MapShape } from "./map.js";

const LABEL_CHAR_PX = 7.4;
const LABEL_H = 18;

interface PlacedLabel {
  key: string;
  x: number;
  y: number;
  text: string;
}

/** Greedy, collision-free labels: biggest shapes first; a label that does not fit is left out (the link keeps its name). */
function placeLabels(shapes: MapShape[], width: number, height: number): PlacedLabel[] {
  const placed: (PlacedLabel & { x0: number; x1: number; y0: number; y1: number })[] = [];
  const bySize = [...shapes].sort((a, b) => (b.box.x1 - b.box.x0) * (b.box.y1 - b.box.y0) - (a.box.x1 - a.box.x0) * (a.box.y1 - a.box.y0));
  for (const s of bySize) {
    const w = s.name.length * LABEL_CHAR_PX + 8;
    const below = s.kind === "point";
    const x = Math.min(Math.max(s.label.x, w / 2 + 4), width - w / 2 - 4);
    const y = below ? s.label.y + 22 : s.label.y + 5;
    const r = { x0: x - w / 2, x1: x + w / 2, y0: y - LABEL_H + 4, y1: y + 4 };
    if (r.y0 < 0 || r.y1 > height) continue;
    if (placed.some((p) => r.x0 < p.x1 && r.x1 > p.x0 && r.y0 < p.y1 && r.y1 > p.y0)) continue;
    placed.push({ key: s.key, x, y, text: s.name, ...r });
  }
  return placed;
}

export default function LandMap({
  areas,
  title,
  currentKey,
  maxHeight,
}: {
  areas: LandArea[];
  title: string;
  currentKey?: string;
  maxHeight?: number;
}) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(280, Math.min(1200, useElementWidth(box, 720)));
  // useId's characters are not safe inside url(#…): keep letters and digits.
  const uid = `nk-map-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const hatch = `${uid}-hatch`;
  const titleId = `${uid}-title`;
  const byKey = useMemo(() => new Map(areas.map((a) => [a.key, a])), [areas]);
  const layout = useMemo(
    () => layoutMap(areas, width, { pad: 28, maxHeight: maxHeight ?? (width < 520 ? 420 : 560) }),
    [areas, width, maxHeight],
  );
  const labels = useMemo(() => placeLabels(layout.shapes, layout.width, layout.height), [layout]);
  const labelOf = new Map(labels.map((l) => [l.key, l]));
  const { height, scale } = layout;

  return (
    <div ref={box} className="nk-map-box">
      <svg
        width={layout.width}
        height={height}
        viewBox={`0 0 ${layout.width} ${height}`}
        className="nk-map"
        aria-labelledby={titleId}
        focusable="false"
      >
        <title id={titleId}>{title}</title>
        <defs>
          <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="nk-map__hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="nk-map__hatch-line" />
          </pattern>
        </defs>
        <rect x="0" y="0" width={layout.width} height={height} className="nk-map__bg" />
        {layout.shapes.map((s) => {
          const a = byKey.get(s.key);
          const missing = a ? lacksFigures(a) : false;
          const href = hrefFor({ name: "land-area", key: s.key });
          const label = labelOf.get(s.key);
          const cls = ["nk-map-area", missing ? "nk-map-area--missing" : "", s.key === currentKey ? "nk-map-area--current" : ""]
            .filter(Boolean)
            .join(" ");
          return (
            <a
              key={s.key}
              href={href}
              className={cls}
              aria-label={missing ? t("land.map.areaMissing", { name: s.name }) : s.name}
              aria-current={s.key === currentKey ? "page" : undefined}
              onClick={(e) => onAppLinkClick(e, href)}
            >
              {s.d && (
                <path
                  d={s.d}
                  fillRule="evenodd"
                  className="nk-map-area__shape"
                  style={missing && s.kind === "polygon" ? { fill: `url(#${hatch})` } : undefined}
                />
              )}
              {s.points.map((p) => (
                <circle key={`${p.x},${p.y}`} cx={p.x} cy={p.y} r={8} className="nk-map-area__point" />
              ))}
              {label && (
                <text x={label.x} y={label.y} textAnchor="middle" className="nk-map-area__label">
                  {label.text}
                </text>
              )}
            </a>
          );
        })}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain SVG group is not focusable; the north arrow is decoration. */}
        <g className="nk-map__north" aria-hidden="true">
          <path d={`M${layout.width - 22},14 l6,16 h-12 z`} />
          <text x={layout.width - 22} y={44} textAnchor="middle">
            {t("land.map.north")}
          </text>
        </g>
        {scale && (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain SVG group is not focusable; the scale bar is decoration.
          <g className="nk-map__scale" aria-hidden="true">
            <line x1={12} x2={12 + scale.px} y1={height - 12} y2={height - 12} />
            <line x1={12} x2={12} y1={height - 17} y2={height - 7} />
            <line x1={12 + scale.px} x2={12 + scale.px} y1={height - 17} y2={height - 7} />
            <text x={12 + scale.px / 2} y={height - 20} textAnchor="middle">
              {scale.metres >= 1000 ? `${formatNumber(scale.metres / 1000, locale, 1)} km` : `${formatNumber(scale.metres, locale, 0)} m`}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
