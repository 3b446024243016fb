/**
 * The page's one h1. Sets the document title and, after a client-side navigation, takes focus
 * so screen-reader and keyboard users start at the new page's heading.
 */
import { Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/index.js";
import { navigations } from "../router.js";

let focusedForNavigation = -1;

export function PageHeading({ children, title, size = "lg" }: { children: ReactNode; title: string; size?: "md" | "lg" | "xl" }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t("app.name")}`;
  }, [title, t]);
  useEffect(() => {
    const n = navigations();
    if (n > 0 && n !== focusedForNavigation) {
      focusedForNavigation = n;
      ref.current?.focus({ preventScroll: true });
    }
  });
  return (
    <Heading level={1} data-size={size} ref={ref} tabIndex={-1} className="nk-page-heading" id="page-heading">
      {children}
    </Heading>
  );
}
