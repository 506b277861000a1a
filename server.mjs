// `npm start`: Next's request handler behind a small node:http server, so that before Next sees a request
//  - forwarding headers are rebuilt from the socket (lib/server/forwarded.mjs): the client address the
//    rate limits and fraud rules read can't be chosen by the client (TRUST_PROXY_HOPS);
//  - bodies over BODY_LIMIT_BYTES get a 413 and malformed server-action bodies a 400, both as JSON,
//    where Next would answer 500 (lib/server/body-limit.mjs, lib/server/action-body.mjs);
//  - a missing NEXTAUTH_SECRET stops the start with a message instead of 500s on every request;
//  - every request gets a request id (X-Request-Id, lib/observability/request-id.mjs), one JSON log line
//    (pino) and its count and latency by route pattern in the Prometheus metrics (/api/metrics);
//  - SIGTERM drains: readiness turns 503, new requests get 503, in-flight requests and running jobs get
//    SHUTDOWN_GRACE_MS (default 25 s) to finish, then the pools close and the process exits 0
//    (lib/observability/lifecycle.mjs).
// Flags as `next start`: -p/--port (else PORT, else 3000), -H/--hostname (else HOSTNAME, else all interfaces).
import http from "node:http";
import { parseArgs } from "node:util";
import { checkActionBody, checkFormPost } from "./lib/server/action-body.mjs";
import {
  announcedTooLarge,
  hasBody,
  parseBodyLimit,
  readLimitedBody,
  replayRequest,
} from "./lib/server/body-limit.mjs";
import { parseTrustedHops, rewriteForwardedHeaders } from "./lib/server/forwarded.mjs";
import { drain, graceMsFromEnv, isDraining } from "./lib/observability/lifecycle.mjs";
import { logger } from "./lib/observability/logger.mjs";
import { metrics, routeLabel } from "./lib/observability/metrics.mjs";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/observability/request-id.mjs";
import { sendJsonError } from "./lib/server/json-error.mjs";
import { parsePort, startupProblem } from "./lib/server/startup-checks.mjs";

const { values: flags } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});

const problem = startupProblem(process.env);
if (problem) {
  console.error(`[server] ${problem}`);
  process.exit(1);
}
let graceMs;
try {
  graceMs = graceMsFromEnv(process.env);
} catch (error) {
  console.error(`[server] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const port = parsePort(flags.port, process.env.PORT);
if (port === null) {
  console.error(`[server] Not a port number: ${flags.port ?? process.env.PORT}`);
  process.exit(1);
}
const hostname = flags.hostname ?? (process.env.HOSTNAME || undefined);
const trustedHops = parseTrustedHops(process.env.TRUST_PROXY_HOPS);
const bodyLimit = parseBodyLimit(process.env.BODY_LIMIT_BYTES);

// A production build is served in production mode whatever the shell says (as `next start` does).
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function refuseTooLarge(req, res) {
  const answer = () => {
    if (res.headersSent) return;
    sendJsonError(
      res,
      413,
      "payload_too_large",
      `The request body is larger than the limit of ${bodyLimit} bytes.`,
      { close: true },
    );
  };
  // Answer once the client has finished sending: a client still uploading when the answer and the
  // close arrive sees a reset instead of the 413. Slow or endless bodies get the answer after 2 s.
  req.on("end", answer);
  req.on("close", answer);
  req.resume();
  setTimeout(() => {
    answer();
    setTimeout(() => req.socket.destroy(), 1_000).unref();
  }, 2_000).unref();
}

/**
 * Why Next would fail to decode this body, or null.
 * @param {import("node:http").IncomingMessage} req
 * @param {Buffer} body
 */
async function bodyProblem(req, body) {
  if (req.method !== "POST") return null;
  const contentType = req.headers["content-type"];
  if (req.headers["next-action"] !== undefined) {
    const check = await checkActionBody(contentType, body);
    return check.ok ? null : check.message;
  }
  // Without the header, only a multipart POST to a page can be a server action (a no-JavaScript form).
  if (contentType?.toLowerCase().startsWith("multipart/form-data") && !req.url?.startsWith("/api/")) {
    const check = await checkFormPost(contentType, body);
    return check.ok ? null : check.message;
  }
  return null;
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
async function onRequest(req, res) {
  rewriteForwardedHeaders(req.headers, req.socket.remoteAddress, trustedHops);
  let request = req;
  if (hasBody(req.headers)) {
    if (announcedTooLarge(req.headers, bodyLimit)) return refuseTooLarge(req, res);
    const read = await readLimitedBody(req, bodyLimit);
    if (!read.ok && read.aborted) return; // nobody left to answer
    if (!read.ok) return refuseTooLarge(req, res);
    const malformed = await bodyProblem(req, read.body);
    if (malformed) return sendJsonError(res, 400, "malformed_request", malformed);
    request = replayRequest(req, read.body);
  } else if (req.method === "POST" && req.headers["next-action"] !== undefined) {
    // An action call with no body at all is as undecodable as a garbled one.
    const malformed = await bodyProblem(req, Buffer.alloc(0));
    if (malformed) return sendJsonError(res, 400, "malformed_request", malformed);
  }
  await handle(request, res);
}

const { http: httpMetrics } = metrics();
/** Requests being answered; SIGTERM waits for this to reach zero (within the grace period). */
let inFlight = 0;
/** @type {(() => void) | undefined} */
let onIdle;

/**
 * While draining, new requests are not taken: liveness still answers 200 (the process is healthy), every
 * other request — readiness included — gets 503 and the connection is closed.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function refuseWhileDraining(req, res) {
  const path = (req.url ?? "/").split("?")[0];
  res.setHeader("Connection", "close");
  if (path === "/api/health") {
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ success: true, data: { status: "alive", draining: true } }));
    return;
  }
  res.setHeader("Retry-After", "5");
  sendJsonError(res, 503, "draining", "This instance is shutting down; please retry.");
}

const server = http.createServer((req, res) => {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId; // route handlers and their logs read it from here
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  inFlight++;
  httpMetrics.inFlight.inc();
  res.once("close", () => {
    inFlight--;
    httpMetrics.inFlight.dec();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeLabel(req.url ?? "/", res.statusCode);
    httpMetrics.requests.inc({ method: req.method ?? "GET", route, status: String(res.statusCode) });
    httpMetrics.duration.observe({ method: req.method ?? "GET", route }, seconds);
    logger.info(
      {
        requestId,
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
    if (inFlight === 0) onIdle?.();
  });
  if (isDraining()) return refuseWhileDraining(req, res);
  onRequest(req, res).catch((error) => {
    // Next renders its own errors; this is for anything that escapes it. The detail stays in the log.
    logger.error({ requestId, err: error }, "unhandled error");
    if (!res.headersSent) {
      sendJsonError(res, 500, "internal_error", "Something went wrong on our side. Please try again.");
    } else {
      res.destroy();
    }
  });
});

await app.prepare();
server.listen(port, hostname, () => {
  console.log(
    `[server] ready on http://${hostname ?? "localhost"}:${port} (trusted proxy hops: ${trustedHops})`,
  );
});

let shuttingDown = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    httpMetrics.draining.set(1);
    logger.info({ signal, graceMs, inFlight }, "draining");
    server.closeIdleConnections();
    const requestsDone = () =>
      new Promise((resolve) => {
        if (inFlight === 0) return resolve(undefined);
        onIdle = () => resolve(undefined);
      });
    const { timedOut } = await drain({
      graceMs,
      requestsDone,
      log: (level, msg, extra) => logger[level](extra ?? {}, msg),
    });
    server.close();
    server.closeAllConnections();
    logger.info({ timedOut }, "stopped");
    // pino writes synchronously to stdout, so the last line is out before the exit.
    process.exit(0);
  });
}
