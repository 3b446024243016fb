import type { DbOrTx } from "../../db/client.js";
import { findCompany } from "../register/index.js";

/**
 * What the engagement log needs to know about an organisation number from the business register:
 * its name, whether the register holds it at all, and whether the number is personal data (a sole
 * proprietorship or a form that is not a legal person of its own; a number the register does not
 * hold counts as personal too, core/logs/orgnr.ts).
 */
export interface CompanyFacts {
  orgnr: string;
  name: string | null;
  foundInRegister: boolean;
  personal: boolean;
}

export async function lookUpCompany(db: DbOrTx, orgnr: string, typedName: string | null = null): Promise<CompanyFacts> {
  const company = await findCompany(db, orgnr);
  if (!company) return { orgnr, name: typedName, foundInRegister: false, personal: true };
  return { orgnr, name: company.name, foundInRegister: true, personal: company.personal };
}
