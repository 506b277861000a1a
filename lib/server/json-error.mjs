// The custom server's own refusals use the app's error envelope (lib/http.ts errorResponse):
// `{ success: false, error: "<message for people>", code: "<stable code>" }`.

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {{ close?: boolean }} [options] close: end the connection (the rest of the body is not read)
 */
export function sendJsonError(res, status, code, message, options = {}) {
  const body = JSON.stringify({ success: false, error: message, code });
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    ...(options.close ? { Connection: "close" } : {}),
  });
  res.end(body);
}
