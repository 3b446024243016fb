import fs from "node:fs";
import os from "node:os";
import { isRecord } from "../../core/guards.js";
import { AppError } from "../errors.js";
import { errnoCode } from "../lib/errno.js";

/**
 * An exclusive lock on the embedded database directory. PGlite must only be opened by one process;
 * a second one fails at once with a clear message. A lock left by a killed process is detected
 * (its pid is gone, or now belongs to a process that started later) and taken over.
 */
interface LockInfo {
  pid: number;
  /** Process start time in clock ticks since boot (Linux /proc), to survive pid reuse. */
  startTicks: string | null;
  hostname: string;
  createdAt: string;
}

function processStartTicks(pid: number | "self"): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); the command name in field 2 may contain spaces, so split after ")".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(info: LockInfo): boolean {
  if (info.hostname !== os.hostname()) return true; // another machine on shared storage: assume alive
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    if (errnoCode(err) === "EPERM") return true;
    return false;
  }
  const ticks = processStartTicks(info.pid);
  return info.startTicks === null || ticks === null || ticks === info.startTicks;
}

/** A parsed lock file, or null when it is not one of ours (garbage is treated as stale). */
function asLockInfo(v: unknown): LockInfo | null {
  if (!isRecord(v)) return null;
  if (typeof v.pid !== "number" || !Number.isInteger(v.pid) || v.pid <= 0) return null;
  if (typeof v.hostname !== "string") return null;
  if (v.startTicks !== null && typeof v.startTicks !== "string") return null;
  return {
    pid: v.pid,
    startTicks: v.startTicks,
    hostname: v.hostname,
    createdAt: typeof v.createdAt === "string" ? v.createdAt : "unknown",
  };
}

function readLock(lockPath: string): { raw: string; info: LockInfo | null } | null {
  try {
    const raw = fs.readFileSync(lockPath, "utf8");
    try {
      return { raw, info: asLockInfo(JSON.parse(raw)) };
    } catch {
      return { raw, info: null };
    }
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return null;
    throw err;
  }
}

export interface DirLock {
  release(): void;
}

export function acquireDirLock(lockPath: string, dataDirForMessage: string): DirLock {
  const mine: LockInfo = {
    pid: process.pid,
    startTicks: processStartTicks("self"),
    hostname: os.hostname(),
    createdAt: new Date().toISOString(),
  };
  const body = JSON.stringify(mine);
  const tmp = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, body);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.linkSync(tmp, lockPath); // atomic: fails if the lock exists
        const release = () => {
          const current = readLock(lockPath);
          if (current?.raw === body) fs.rmSync(lockPath, { force: true });
        };
        process.once("exit", release);
        return {
          release() {
            process.removeListener("exit", release);
            release();
          },
        };
      } catch (err) {
        if (errnoCode(err) !== "EEXIST") throw err;
        const existing = readLock(lockPath);
        if (existing === null) continue; // released meanwhile: try again
        if (existing.info && isAlive(existing.info)) {
          throw new AppError(
            "database_locked",
            `The embedded database in ${dataDirForMessage} is in use by process ${existing.info.pid} ` +
              `(since ${existing.info.createdAt}). Stop that process first (for example the running ` +
              "server), or set DATABASE_URL to use PostgreSQL, which several processes can share.",
          );
        }
        // Stale lock from a process that no longer runs: remove it if it is still the same one.
        const again = readLock(lockPath);
        if (again?.raw === existing.raw) fs.rmSync(lockPath, { force: true });
      }
    }
    throw new AppError("database_locked", `Could not lock the embedded database in ${dataDirForMessage}.`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
