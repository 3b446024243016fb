/**
 * A horizontal bar chart in SVG, drawn like the app's other charts: an image with a title and a
 * description that names every bar and its value; the page shows the same numbers in a table
 * (`describedBy`).
 */
import { useId, useRef } from "react";
import { useElementWidth } from "../../components/useElementWidth.js";
import { truncate } from "../charts/scale.js";
import { type BarItem, layoutBars } from "./bars.js";

export function BarChart({ items, title, describedBy }: { items: BarItem[]; title: string; describedBy?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  const layout = layoutBars(items, useElementWidth(box, 560));
  const maxLabelChars = Math.floor((layout.width - 8) / 6.8);
  const description = items.map((i) => `${i.label}: ${i.text}`).join("; ");
  return (
    <div ref={box} className="nk-chart-box">
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="nk-chart nk-bars"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.rows.map((r) => (
          <g key={r.key}>
            <text x={layout.left} y={r.labelY} className="nk-bars__label">
              {truncate(r.label, maxLabelChars)}
            </text>
            <rect x={layout.left} y={r.barY} width={r.barWidth} height={layout.barHeight} rx={2} className="nk-bars__bar" />
            <text x={r.valueX} y={r.barY + layout.barHeight - 3} className="nk-chart__value">
              {r.text}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
