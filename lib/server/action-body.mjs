// Server-action request bodies are decoded by React inside Next, and a malformed one (garbage text, a
// truncated multipart body, a NUL in a field name, a reference to a part that isn't there) throws there
// and ends as a 500 with a stack trace. The custom server checks the body first and answers 400 instead.
// The checks follow what React's `encodeReply` sends: either one JSON text (an array: the arguments) or a
// multipart form whose numbered fields are JSON rows, row 0 being the arguments.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The multipart parser Next itself decodes actions with, so both agree on what is well-formed.
const busboy = require("next/dist/compiled/busboy");

// Control characters (C0 and DEL); a field name never needs one and PostgreSQL refuses NUL.
const CONTROL = /[\u0000-\u001f\u007f]/;
// `$`-strings that stand for a value on their own, without another part of the body:
// `$$…` (an escaped `$`), undefined, NaN, ±Infinity, -0, dates, temporary references.
const SELF_CONTAINED = /^\$(\$|u|N|I|-|D|T|H)/;
// React refuses longer BigInts with an exception.
const BIGINT = /^\$n-?\d{1,300}$/;
// A reference to another row: a tag letter (or none) then the row id in hex, optionally a path.
const REFERENCE = /^\$(?:[@A-Zghiklmorsxyz])?([0-9a-f]+)(:.*)?$/;

/** @typedef {{ ok: true } | { ok: false, message: string }} BodyCheck */

/**
 * Whether the POST body of a server action (`Next-Action` header) is one React can decode.
 * @param {string | undefined} contentType
 * @param {Buffer} body
 * @returns {Promise<BodyCheck>}
 */
export async function checkActionBody(contentType, body) {
  if (contentType?.toLowerCase().startsWith("multipart/form-data")) return checkMultipart(contentType, body);
  const text = body.toString("utf8");
  const root = parseJson(text);
  if (!root.ok || !Array.isArray(root.value)) {
    return fail("The action's arguments must be a JSON array.");
  }
  // A plain-text body is the whole reply: it can't refer to other rows.
  return checkReferences([root.value], new Set());
}

/**
 * @param {string} contentType
 * @param {Buffer} body
 * @returns {Promise<BodyCheck>}
 */
function checkMultipart(contentType, body) {
  return new Promise((resolve) => {
    /** @type {Map<string, string>} */
    const fields = new Map();
    /** @type {Set<string>} */
    const names = new Set();
    let badName = false;
    let parser;
    try {
      parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8" });
    } catch {
      resolve(fail("The action's multipart body has no valid boundary."));
      return;
    }
    parser.on("field", (/** @type {string} */ name, /** @type {string} */ value) => {
      if (CONTROL.test(name)) badName = true;
      names.add(name);
      fields.set(name, value);
    });
    parser.on("file", (/** @type {string} */ name, /** @type {import("node:stream").Readable} */ stream) => {
      if (CONTROL.test(name)) badName = true;
      names.add(name);
      stream.resume();
    });
    parser.on("error", () => resolve(fail("The action's multipart body is malformed.")));
    parser.on("close", () => {
      if (badName) return resolve(fail("A field name of the action's body contains a control character."));
      const root = parseJson(fields.get("0"));
      if (!root.ok || !Array.isArray(root.value)) {
        return resolve(fail("The action's arguments (field 0) must be a JSON array."));
      }
      /** @type {unknown[]} */
      const rows = [root.value];
      // Numbered fields are JSON rows that other rows point at; the rest are FormData entries (`1_name`).
      for (const [name, value] of fields) {
        if (name === "0" || !/^\d+$/.test(name)) continue;
        const row = parseJson(value);
        if (!row.ok) return resolve(fail(`Field ${name} of the action's body is not JSON.`));
        rows.push(row.value);
      }
      resolve(checkReferences(rows, names));
    });
    parser.end(body);
  });
}

/**
 * Every `$`-string in the rows is either a value on its own or points at a part the body contains.
 * @param {unknown[]} rows
 * @param {Set<string>} partNames
 * @returns {BodyCheck}
 */
function checkReferences(rows, partNames) {
  /** @type {unknown[]} */
  const stack = [...rows];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (!value.startsWith("$") || SELF_CONTAINED.test(value) || value.startsWith("$K")) continue;
      if (value.startsWith("$n")) {
        if (BIGINT.test(value)) continue;
        return fail("A BigInt in the action's arguments is malformed.");
      }
      const match = REFERENCE.exec(value);
      if (!match || !partNames.has(String(parseInt(match[1], 16)))) {
        return fail("The action's arguments refer to a part the body does not contain.");
      }
    } else if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value && typeof value === "object") {
      stack.push(...Object.values(value));
    }
  }
  return { ok: true };
}

/**
 * @param {string | undefined} text
 * @returns {{ ok: true, value: unknown } | { ok: false }}
 */
function parseJson(text) {
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * @param {string} message
 * @returns {{ ok: false, message: string }}
 */
function fail(message) {
  return { ok: false, message };
}

/**
 * A multipart POST to a page without `Next-Action` may be a form submitted before JavaScript loaded;
 * Next decodes it with the platform's FormData parser, so the same parser decides whether it is sound.
 * @param {string} contentType
 * @param {Buffer} body
 * @returns {Promise<BodyCheck>}
 */
export async function checkFormPost(contentType, body) {
  try {
    const form = await new Request("http://form.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(body),
    }).formData();
    for (const name of form.keys()) {
      if (CONTROL.test(name)) return fail("A field name of the form contains a control character.");
    }
    return { ok: true };
  } catch {
    return fail("The form's multipart body is malformed.");
  }
}
