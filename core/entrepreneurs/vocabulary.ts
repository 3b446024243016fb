/** Vocabularies of Etablerertjenesten's session log: stored as text, labelled in the i18n catalogue (entrepreneurs.kind.*). */

export const ENTREPRENEUR_SESSION_KINDS = ["guidance", "course", "event"] as const;
export type SessionKind = (typeof ENTREPRENEUR_SESSION_KINDS)[number];

export function isSessionKind(s: string): s is SessionKind {
  return ENTREPRENEUR_SESSION_KINDS.some((k) => k === s);
}
