import type { RegisterKind } from "../../../../core/register/types.js";

/**
 * The Enhetsregisteret update feed (/enhetsregisteret/api/oppdateringer/{enheter,underenheter}):
 * one event per change of one entity, numbered by a growing `oppdateringsid`.
 *
 * endringstype, as Brreg documents it:
 * - Ny        a new entity
 * - Endring   a change; with includeChanges=true the event carries the JSON Patch (`endringer`)
 * - Sletting  deleted in the register (the entity still answers, with `slettedato`)
 * - Fjernet   removed from open data (the entity answers HTTP 410): it must be removed everywhere
 * - Ukjent    the type is not known: fetch the entity again
 */
export type Endringstype = "Ny" | "Endring" | "Sletting" | "Fjernet" | "Ukjent";

/** One JSON Patch (RFC 6902) operation as Brreg sends it in `endringer`. */
export interface PatchOperation {
  op: string;
  path: string;
  value?: unknown;
}

export interface FeedEvent {
  oppdateringsid: number;
  /** ISO timestamp (UTC) of the change. */
  dato: string;
  orgnr: string;
  /** One of {@link Endringstype}; anything else is treated as Ukjent. */
  endringstype: string;
  /** Present with includeChanges=true (mostly on Endring); absent or empty otherwise. */
  endringer: PatchOperation[] | null;
}

/** Where to start reading the feed: after a known event, or from a point in time. */
export type FeedStart = { afterOppdateringsid: number } | { fromDato: string };

/** An entity fetched from /enheter/{orgnr} or /underenheter/{orgnr}. */
export type EntityResult =
  | { status: "found"; record: Record<string, unknown> }
  /** HTTP 410: removed from open data (treat as Fjernet). */
  | { status: "removed"; body: unknown }
  /** HTTP 404: not known to the register. */
  | { status: "not_found" };

/** The HAL collection key of each feed. */
export const FEED_COLLECTION: Record<RegisterKind, string> = {
  enheter: "oppdaterteEnheter",
  underenheter: "oppdaterteUnderenheter",
};
