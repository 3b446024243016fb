/** The `code` of a Node system error ("ENOENT", "EEXIST" …), or undefined for anything else thrown. */
export function errnoCode(err: unknown): string | undefined {
  return err instanceof Error && "code" in err && typeof err.code === "string" ? err.code : undefined;
}
