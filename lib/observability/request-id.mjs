// The request id every log line of a request carries and the response returns as X-Request-Id. An id the
// caller (or the load balancer) sent is kept only when it is a short token of safe characters, so it
// can't inject anything into logs or headers; anything else is replaced by a fresh one.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * @param {string | string[] | undefined} incoming
 * @returns {string}
 */
export function requestIdFrom(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
