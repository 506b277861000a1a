// Request bodies have one size limit, enforced by the custom server (server.mjs) before Next sees them:
// Next's own limit for server actions ends in a 500 with a stack trace, and route handlers have none.
// Nothing in the app takes uploads, so every body fits in memory: it is read up to the limit, then
// handed to Next as a fresh request (see replayRequest).
import http from "node:http";

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * BODY_LIMIT_BYTES as a positive whole number of bytes; anything else → the 1 MiB default.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseBodyLimit(value) {
  if (value === undefined || !/^\s*\d{1,12}\s*$/.test(value) || Number(value) === 0)
    return DEFAULT_BODY_LIMIT_BYTES;
  return Number(value);
}

/**
 * Whether the request announces or may carry a body (Content-Length above 0, or chunked).
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @returns {boolean}
 */
export function hasBody(headers) {
  if (headers["transfer-encoding"]) return true;
  const length = Number(headers["content-length"] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/**
 * True when Content-Length alone already says the body is over the limit.
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {number} limit
 * @returns {boolean}
 */
export function announcedTooLarge(headers, limit) {
  const length = Number(headers["content-length"] ?? 0);
  return Number.isFinite(length) && length > limit;
}

/** @typedef {{ ok: true, body: Buffer } | { ok: false, aborted?: true }} BodyRead */

/**
 * Reads the body, counting bytes as they arrive (a chunked body or a lying Content-Length gets no
 * further than the limit): `{ ok: false }` as soon as it passes `limit`, and the stream is left paused;
 * `{ ok: false, aborted: true }` when the client went away before the end.
 * @param {import("node:stream").Readable} stream
 * @param {number} limit
 * @returns {Promise<BodyRead>}
 */
export function readLimitedBody(stream, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const cleanUp = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        stream.pause();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve({ ok: true, body: Buffer.concat(chunks, size) });
    };
    /** @param {Error} error */
    const onError = (error) => {
      cleanUp();
      reject(error);
    };
    const onClose = () => {
      cleanUp();
      resolve({ ok: false, aborted: true });
    };
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}

/**
 * A request Next can read as if it came off the wire: same socket, method, URL and headers, with the
 * already-read body pushed into it. Content-Length is set to what was actually read.
 * @param {import("node:http").IncomingMessage} req
 * @param {Buffer} body
 * @returns {import("node:http").IncomingMessage}
 */
export function replayRequest(req, body) {
  const replay = new http.IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.headers = { ...req.headers, "content-length": String(body.length) };
  delete replay.headers["transfer-encoding"];
  // Built from the (rewritten) headers, so no original forwarding header survives in the raw list.
  replay.rawHeaders = Object.entries(replay.headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((v) => [name, v]) : value === undefined ? [] : [name, value],
  );
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  return replay;
}
