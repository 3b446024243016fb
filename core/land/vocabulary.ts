/** Vocabularies of the land bank: stored as text in the database, labelled in the i18n catalogue. */

export const LAND_AREA_STATUSES = ["available", "partly_available", "planned", "built_out", "under_rezoning"] as const;
export type LandAreaStatus = (typeof LAND_AREA_STATUSES)[number];

/** Applications to rezone business land to housing. */
export const REZONING_STATUSES = ["received", "in_process", "approved", "rejected", "withdrawn"] as const;
export type RezoningStatus = (typeof REZONING_STATUSES)[number];

export function isLandAreaStatus(s: string): s is LandAreaStatus {
  return LAND_AREA_STATUSES.some((v) => v === s);
}
