// `npm start`: Next's request handler behind a small node:http server, so that before Next sees a request
//  - forwarding headers are rebuilt from the socket (lib/server/forwarded.mjs): the client address the
//    rate limits and fraud rules read can't be chosen by the client (TRUST_PROXY_HOPS);
//  - bodies over BODY_LIMIT_BYTES get a 413 and malformed server-action bodies a 400, both as JSON,
//    where Next would answer 500 (lib/server/body-limit.mjs, lib/server/action-body.mjs);
//  - a missing NEXTAUTH_SECRET stops the start with a message instead of 500s on every request.
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

const server = http.createServer((req, res) => {
  onRequest(req, res).catch((error) => {
    // Next renders its own errors; this is for anything that escapes it. The detail stays in the log.
    console.error("[server] unhandled error", error);
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

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Open requests get a moment to finish; in-app timers (jobs) must not keep the process alive.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
