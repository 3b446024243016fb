import { AppError } from "../../../errors.js";

/**
 * Brreg's API answered with an error (4xx, or 5xx after the retries), or could not be reached.
 * The message names the URL and quotes Brreg's own error body, e.g.
 * `Brreg answered 400 Feilaktig forespørsel for GET …: updatedBefore "2026-08-13": Dato må være …`.
 */
export class BrregApiError extends AppError {
  constructor(
    message: string,
    /** HTTP status, or null when there was no answer (network error, timeout). */
    readonly status: number | null,
    readonly url: string,
    /** Brreg's error body as received (JSON when it was JSON), for logs and tests. */
    readonly body: unknown,
  ) {
    super("upstream_failed", message);
    this.name = "BrregApiError";
  }
}

interface BrregErrorBody {
  status?: number;
  feilmelding?: string;
  valideringsfeil?: { feilmelding?: string; parametere?: string[]; feilaktigVerdi?: unknown }[];
}

/** Brreg's error body in one line: the message and each validation error with its parameter and value. */
export function describeBrregError(body: unknown): string {
  if (typeof body === "string") return body.trim().slice(0, 500);
  if (!body || typeof body !== "object") return "";
  const b = body as BrregErrorBody;
  const parts: string[] = [];
  if (typeof b.feilmelding === "string") parts.push(b.feilmelding);
  for (const v of Array.isArray(b.valideringsfeil) ? b.valideringsfeil : []) {
    const params = Array.isArray(v.parametere) ? v.parametere.join(", ") : "";
    const value = v.feilaktigVerdi === undefined ? "" : ` ${JSON.stringify(v.feilaktigVerdi)}`;
    parts.push(`${params}${value}: ${v.feilmelding ?? "invalid"}`.trim());
  }
  return parts.length > 0 ? parts.join("; ") : JSON.stringify(body).slice(0, 500);
}
