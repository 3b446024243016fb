/** Small inline icons (hand-drawn paths, 24×24), always decorative: the text next to them carries the meaning. */
import type { StatusIcon } from "../features/status/status.js";

export type IconName = StatusIcon | "search" | "user" | "globe" | "chevron" | "external" | "download" | "map";

const PATHS: Record<IconName, string> = {
  check: "M5 12.5l4.5 4.5L19 7.5",
  arrow: "M4 12h14M13 6.5l5.5 5.5-5.5 5.5",
  alert: "M12 4l9 16H3zM12 10v4.5M12 17.2v.3",
  cross: "M6 6l12 12M18 6L6 18",
  clock: "M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM12 7.5V12l3 2",
  dash: "M6 12h12",
  circle: "M12 4.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15z",
  stop: "M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM6 18L18 6",
  search: "M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20",
  user: "M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4.5 20c.8-3.6 3.8-5.5 7.5-5.5s6.7 1.9 7.5 5.5",
  globe:
    "M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM3.5 12h17M12 3.5c2.5 2.4 3.5 5.2 3.5 8.5s-1 6.1-3.5 8.5c-2.5-2.4-3.5-5.2-3.5-8.5s1-6.1 3.5-8.5z",
  chevron: "M7 9.5l5 5 5-5",
  external: "M14 4h6v6M20 4l-9 9M18 14v5H5V6h5",
  download: "M12 4v11M7 10.5l5 5 5-5M5 20h14",
  map: "M9 4.5l-5 2v13l5-2 6 2 5-2v-13l-5 2zM9 4.5v13M15 6.5v13",
};

export function Icon({ name, size = "1.1em", className }: { name: IconName; size?: string; className?: string }) {
  return (
    <svg
      className={className ? `nk-icon ${className}` : "nk-icon"}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
