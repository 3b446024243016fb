/**
 * Test helper for server/db/lock.db.test.ts: opens the embedded database in the directory given as
 * the first argument, prints "READY" and holds it (and its lock) until killed.
 *
 *   node --import tsx test/helpers/hold-db.ts <dataDir>
 */
import { openDatabase } from "../../server/db/client.js";

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write("usage: hold-db.ts <dataDir>\n");
  process.exit(2);
}

try {
  await openDatabase({ dataDir });
  process.stdout.write("READY\n");
  // Keep the event loop alive until the test kills us.
  setInterval(() => undefined, 60_000);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
