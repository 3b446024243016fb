// Worker entry: registers tsx's loader in this thread, then runs the TypeScript worker body.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
