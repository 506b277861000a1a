import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  announcedTooLarge,
  DEFAULT_BODY_LIMIT_BYTES,
  hasBody,
  parseBodyLimit,
  readLimitedBody,
} from "./body-limit.mjs";

describe("parseBodyLimit", () => {
  it("defaults to 1 MiB and accepts a positive whole number of bytes", () => {
    expect(DEFAULT_BODY_LIMIT_BYTES).toBe(1_048_576);
    expect(parseBodyLimit(undefined)).toBe(1_048_576);
    expect(parseBodyLimit("0")).toBe(1_048_576);
    expect(parseBodyLimit("2mb")).toBe(1_048_576);
    expect(parseBodyLimit("4096")).toBe(4096);
  });
});

describe("hasBody and announcedTooLarge", () => {
  it("reads Content-Length and Transfer-Encoding", () => {
    expect(hasBody({})).toBe(false);
    expect(hasBody({ "content-length": "0" })).toBe(false);
    expect(hasBody({ "content-length": "3" })).toBe(true);
    expect(hasBody({ "transfer-encoding": "chunked" })).toBe(true);
    expect(announcedTooLarge({ "content-length": "11" }, 10)).toBe(true);
    expect(announcedTooLarge({ "content-length": "10" }, 10)).toBe(false);
    expect(announcedTooLarge({ "transfer-encoding": "chunked" }, 10)).toBe(false);
  });
});

describe("readLimitedBody", () => {
  const chunks = (...sizes: number[]) => Readable.from(sizes.map((n) => Buffer.alloc(n, 97)));

  it("returns the whole body up to the limit", async () => {
    const read = await readLimitedBody(chunks(4, 6), 10);
    expect(read.ok && read.body.toString()).toBe("a".repeat(10));
  });

  it("stops counting streamed bytes at the limit, whatever Content-Length said", async () => {
    const stream = chunks(6, 6, 1_000_000);
    expect(await readLimitedBody(stream, 10)).toEqual({ ok: false });
    expect(stream.isPaused()).toBe(true);
  });

  it("notices a client that went away before the end", async () => {
    const stream = new Readable({ read() {} });
    const read = readLimitedBody(stream, 10);
    stream.push(Buffer.from("abc"));
    stream.destroy();
    expect(await read).toEqual({ ok: false, aborted: true });
  });
});
