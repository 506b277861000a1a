// One structured JSON logger (pino) for the server and the app: one line per event on stdout, with a
// request id where there is one. LOG_LEVEL sets the level (default info); under Vitest it is silent
// unless LOG_LEVEL says otherwise, so test output stays readable.
import pino from "pino";

/** @returns {import("pino").Logger} */
function createLogger() {
  const level = process.env.LOG_LEVEL || (process.env.VITEST ? "silent" : "info");
  return pino({ level, base: { service: "musenest" }, timestamp: pino.stdTimeFunctions.isoTime });
}

// One instance per process, shared by server.mjs and the bundled app code (two module copies, one logger).
/** @type {{ __musenestLogger?: import("pino").Logger }} */
const store = /** @type {never} */ (globalThis);
export const logger = (store.__musenestLogger ??= createLogger());
