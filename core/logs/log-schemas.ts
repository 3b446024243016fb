/**
 * The zod schemas and API contract routes of a log, derived from its descriptor
 * (core/logs/descriptor.ts): what a create and an update accept, what a row looks like, the list
 * filters, and the route records `serve` registers. Server only (the web app reads the
 * descriptor itself, which carries no zod).
 */
import { z } from "zod";
import { idParams } from "../api/common.js";
import { defineRoute } from "../api/route.js";
import { isIsoDate } from "../periods.js";
import type { CreateOf, LogDescriptor, LogField, QueryOf, UpdateOf, ValuesOf, ViewOf } from "./descriptor.js";
import { isValidOrgnr, normalizeOrgnr } from "./orgnr.js";
import { normalizeSchoolYear } from "./school-year.js";

export const schoolYearSchema = z
  .string()
  .transform((s, ctx) => {
    const id = normalizeSchoolYear(s);
    if (!id) ctx.addIssue({ code: "custom", message: 'a school year, e.g. "2016/17"' });
    return id ?? s;
  })
  .describe('School year, e.g. "2016/17" (1 August – 31 July)');

export const orgnrSchema = z
  .string()
  .transform((s) => normalizeOrgnr(s))
  .refine(isValidOrgnr, "not a valid organisation number (9 digits with a modulus-11 check digit)");

export const isoDateSchema = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");

/** What a field accepts on input (create, update, filters). */
export function fieldInputSchema(f: LogField): z.ZodType {
  switch (f.type) {
    case "text":
      return z
        .string()
        .trim()
        .min(1)
        .max(f.max ?? 300);
    case "integer":
      return z
        .number()
        .int()
        .min(f.min ?? 0)
        .max(f.max ?? 1_000_000);
    case "date":
      return isoDateSchema;
    case "schoolYear":
      return schoolYearSchema;
    case "orgnr":
      return orgnrSchema;
    case "enum":
      return z.enum(f.values);
  }
}

/** What a field is in a row the API answers. */
function fieldViewSchema(f: LogField): z.ZodType {
  const base = f.type === "integer" ? z.number() : f.type === "enum" ? z.enum(f.values) : z.string();
  return f.optional ? base.nullable() : base;
}

function shape(d: LogDescriptor, of: (f: LogField) => z.ZodType): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(d.fields).map(([name, f]) => [name, of(f)]));
}

/*
 * Each derivation is declared by an overload that states the type the descriptor maps to
 * (ValuesOf, CreateOf … in descriptor.ts) over an implementation built field by field; the unit
 * test of this file checks that a parse gives exactly that shape.
 */

/** Body of a create: every field; optional ones may be left out (null). */
export function createSchemaOf<D extends LogDescriptor>(d: D): z.ZodType<ValuesOf<D>, CreateOf<D>>;
export function createSchemaOf(d: LogDescriptor): z.ZodType {
  return z
    .object(
      shape(d, (f) => {
        const s = fieldInputSchema(f);
        return f.optional ? s.nullable().default(null) : s;
      }),
    )
    .strict();
}

/** Body of an update: any of the fields. */
export function updateSchemaOf<D extends LogDescriptor>(d: D): z.ZodType<UpdateOf<D>, UpdateOf<D>>;
export function updateSchemaOf(d: LogDescriptor): z.ZodType {
  return z
    .object(shape(d, (f) => (f.optional ? fieldInputSchema(f).nullable() : fieldInputSchema(f))))
    .partial()
    .strict();
}

/** A row as the API answers it: id, the fields in order, the import batch and the timestamps. */
export function viewSchemaOf<D extends LogDescriptor>(d: D): z.ZodType<ViewOf<D>, ViewOf<D>>;
export function viewSchemaOf(d: LogDescriptor): z.ZodType {
  return z.object({
    id: z.string(),
    ...shape(d, fieldViewSchema),
    batchId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  });
}

/** The list's and the export's filters: `?field=value` for each filter field. */
export function querySchemaOf<D extends LogDescriptor>(d: D): z.ZodType<QueryOf<D>, QueryOf<D>>;
export function querySchemaOf(d: LogDescriptor): z.ZodType {
  return z.object(
    Object.fromEntries(
      d.filters.flatMap((name) => {
        const f = d.fields[name];
        return f ? [[name, fieldInputSchema(f).optional()]] : [];
      }),
    ),
  );
}

/** The log's CRUD routes as contract records (CSV export/import come with registerCsvRoutes). */
export function logRoutesOf<const D extends LogDescriptor>(d: D) {
  const tags = [d.tag];
  const view = viewSchemaOf(d);
  return {
    list: defineRoute({
      method: "GET",
      path: d.path,
      tags,
      summary: `${d.noun} rows (signed in)`,
      query: querySchemaOf(d),
      response: z.array(view),
    }),
    get: defineRoute({
      method: "GET",
      path: `${d.path}/:id`,
      tags,
      summary: `A ${d.noun} row (signed in)`,
      params: idParams,
      response: view,
    }),
    create: defineRoute({
      method: "POST",
      path: d.path,
      tags,
      summary: `Record a ${d.noun} row`,
      body: createSchemaOf(d),
      response: view,
      status: 201,
    }),
    update: defineRoute({
      method: "PATCH",
      path: `${d.path}/:id`,
      tags,
      summary: `Edit a ${d.noun} row`,
      params: idParams,
      body: updateSchemaOf(d),
      response: view,
    }),
    remove: defineRoute({
      method: "DELETE",
      path: `${d.path}/:id`,
      tags,
      summary: `Delete a ${d.noun} row`,
      params: idParams,
      status: 204,
    }),
  };
}
