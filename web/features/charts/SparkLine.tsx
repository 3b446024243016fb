/** A tiny trend line next to a value. Its text alternative lists the values it draws. */
import { linearScale, sparkPath } from "./scale.js";

export function SparkLine({
  values,
  label,
  width = 96,
  height = 28,
}: {
  values: { label: string; value: number; text: string }[];
  label: string;
  width?: number;
  height?: number;
}) {
  const nums = values.map((v) => v.value);
  const path = sparkPath(nums, width, height, 3);
  if (!path) return null;
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const x = linearScale([0, nums.length - 1], [3, width - 3]);
  const y = linearScale(min === max ? [min - 1, max + 1] : [min, max], [height - 3, 3]);
  const last = nums.length - 1;
  const alt = `${label}: ${values.map((v) => `${v.label} ${v.text}`).join("; ")}`;
  return (
    <svg
      className="nk-spark"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={alt}
      focusable="false"
    >
      <path d={path} className="nk-spark__line" />
      <circle cx={x(last)} cy={y(nums[last] ?? 0)} r={3} className="nk-spark__dot" />
    </svg>
  );
}
