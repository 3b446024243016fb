/**
 * A register file that cannot be read on (not a JSON array, truncated, not UTF-8, …). Thrown, not
 * collected: the import stops. `line` is the 1-based line in the decompressed file where reading
 * stopped; the message is English and already names it (the CLI prints it as is).
 */
export class RegisterFileError extends Error {
  readonly line: number | null;
  /** The message without the line prefix. */
  readonly detail: string;

  constructor(detail: string, line: number | null) {
    super(line === null ? detail : `Line ${line}: ${detail}`);
    this.name = "RegisterFileError";
    this.line = line;
    this.detail = detail;
  }

  /** The same error placed at a line (for errors raised below the parser, e.g. by gunzip). */
  at(line: number): RegisterFileError {
    return this.line === null ? new RegisterFileError(this.detail, line) : this;
  }
}

/** A byte limit for messages: "16 MiB", "1000 bytes". */
export function sizeText(bytes: number): string {
  return bytes >= 1048576 && bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes} bytes`;
}
