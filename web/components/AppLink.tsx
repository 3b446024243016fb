/** Links that navigate inside the app without reloading (plain clicks only; ctrl/cmd-click opens a tab). */
import { Link } from "@digdir/designsystemet-react";
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from "react";
import { isPlainClick, navigate } from "../router.js";

export function onAppLinkClick(e: MouseEvent<Element>, href: string): void {
  if (e.defaultPrevented || !isPlainClick(e)) return;
  if (/^[a-z]+:/i.test(href) || href.startsWith("//")) return;
  e.preventDefault();
  navigate(href);
}

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string; children: ReactNode };

/** A Designsystemet Link. */
export function AppLink({ href, onClick, children, ...rest }: Props) {
  return (
    <Link
      href={href}
      onClick={(e) => {
        onClick?.(e);
        onAppLinkClick(e, href);
      }}
      {...rest}
    >
      {children}
    </Link>
  );
}

/** A plain anchor (for cards, headers and lists styled by the page). */
export function PlainLink({ href, onClick, children, ...rest }: Props) {
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        onAppLinkClick(e, href);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
