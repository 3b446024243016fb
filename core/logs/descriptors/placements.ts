/** LIA (læring i arbeidslivet) and other school–business placements, per school year. */
import { defineLog } from "../descriptor.js";

export const SECTORS = ["private", "municipal", "state", "voluntary"] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS = {
  private: ["privat", "private"],
  municipal: ["kommunal", "municipal"],
  state: ["statlig", "state"],
  voluntary: ["frivillig", "voluntary"],
} as const satisfies Record<Sector, readonly string[]>;

export const placementsLog = defineLog({
  key: "placements",
  path: "/api/placements",
  webPath: "lia-praksisplasser",
  tag: "placements",
  entity: "lia_placement",
  importKind: "lia_placements",
  noun: "Placement",
  fileName: "lia-praksisplasser.csv",
  i18n: "placements",
  fields: {
    schoolYear: {
      type: "schoolYear",
      label: "placements.field.schoolYear",
      csv: { header: "Skoleår", aliases: ["school_year", "skolear"] },
    },
    companyName: {
      type: "text",
      label: "placements.field.company",
      csv: { header: "Bedrift", aliases: ["company", "virksomhet", "company_name"] },
    },
    orgnr: {
      type: "orgnr",
      optional: true,
      label: "placements.col.orgnr",
      csv: { header: "Orgnr", aliases: ["organisasjonsnummer", "orgnr."] },
    },
    sector: {
      type: "enum",
      values: SECTORS,
      labels: SECTOR_LABELS,
      options: "placements.sector",
      label: "placements.field.sector",
      csv: { header: "Sektor", aliases: ["sector"] },
    },
    school: { type: "text", optional: true, label: "placements.col.school", csv: { header: "Skole", aliases: ["school"] } },
    placements: {
      type: "integer",
      min: 1,
      max: 100_000,
      label: "placements.col.placements",
      csv: { header: "Plasser", aliases: ["placements", "praksisplasser"] },
    },
  },
  naturalKey: ["schoolYear", "companyName", "school"],
  order: ["schoolYear", "companyName", "school"],
  filters: ["schoolYear", "sector"],
  indicators: [{ key: "lia-placements", by: "schoolYear", sum: "placements", source: "Næringskompass: LIA-logg" }],
  write: ["admin", "editor"],
  privacy: { personal: [] },
});
