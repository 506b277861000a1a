import type { Readable } from "node:stream";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./types";

type PostgresClient = import("postgres").Sql;

/** Output bytes and how many rows ended in them (`lines` runs always hold whole rows). */
export type CopiedRows = { bytes: Uint8Array; rows: number };

/**
 * `COPY (query) TO STDOUT`, streamed as output bytes. PostgreSQL only: returns null on PGlite, which
 * has no streaming COPY; callers keep a batched path for it.
 * - `lines`: the query has exactly one non-null text column, each row's line of the output already
 *   encoded; COPY's binary format carries it, and only the framing is stripped here (memcpy speed).
 * - `csv`: COPY's own CSV writer, with records ended by CRLF instead of its LF (line breaks inside
 *   quoted fields are left as they are).
 *
 * COPY takes no bind parameters, so the query's parameters are written into its text as literals (see
 * `inlineLiterals`, which accepts only strings and safe integers). It runs in its own read-only
 * transaction, with `standard_conforming_strings` on (what makes the literals safe) and without the request statement timeout (a large download legitimately outlives it).
 *
 * Backpressure: at most READ_AHEAD_BYTES (1 MB) are read ahead of the consumer; then the socket is
 * paused, so a slow client stops PostgreSQL instead of filling this process's memory. Stopping early (`return()` on the
 * generator, a cancelled download) cancels the COPY and hands the connection back clean.
 */
export function copyOut(
  db: Db,
  query: SQL | CopyQueryBuilder,
  mode: "lines" | "csv",
): AsyncGenerator<CopiedRows> | null {
  const client = (db as { $client?: unknown }).$client as PostgresClient | undefined;
  if (typeof client?.unsafe !== "function" || typeof client.begin !== "function") return null;
  const format = mode === "lines" ? "binary" : "csv";
  const decoder = mode === "lines" ? new BinaryCopyFrames() : new CsvRecordEnds();
  const copySql = async (probe: CopyProbe) =>
    `COPY (${inlineLiterals(typeof query === "function" ? await query(probe) : query)}) TO STDOUT (FORMAT ${format})`;
  return streamCopy(client, copySql, decoder);
}

/** Reads a little inside the COPY's transaction (same snapshot as the COPY) before the query is chosen. */
export type CopyProbe = (query: SQL) => Promise<readonly Record<string, unknown>[]>;

/**
 * Chooses the COPY's query from what `probe` reads first: e.g. leaves out a join that cannot match. The
 * probe and the COPY share one REPEATABLE READ snapshot, so what the probe saw is what the COPY reads.
 */
export type CopyQueryBuilder = (probe: CopyProbe) => Promise<SQL>;

type CopyDecoder = { push(chunk: Buffer): CopiedRows; end(): void };

/** Bytes read ahead of the consumer: COPY keeps streaming while the last run is written, up to this. */
const READ_AHEAD_BYTES = 1 << 20;

/**
 * Smallest run handed on (except the last): COPY sends one message per row, and handing each row on as
 * it arrives made one stream chunk, one HTTP chunk and one socket write per few rows — at 1M rows the
 * server spent more CPU on those than on the rows. A run waits for 64 KB (a few hundred rows,
 * milliseconds at COPY's rate); the rest arrives with the end of the COPY.
 */
const RUN_BYTES = 1 << 16;

type Copying = { stream: Readable; copy: { cancel(): unknown } };

/**
 * The COPY runs inside `begin()` (postgres.js's transaction, on a pooled connection; not `reserve()`,
 * which in 3.4.9 can strand a caller that has to open a new connection). The transaction stays open
 * until the generator has read everything, or rolls back when it stops early or fails.
 */
async function* streamCopy(
  client: PostgresClient,
  copySql: (probe: CopyProbe) => Promise<string>,
  decoder: CopyDecoder,
): AsyncGenerator<CopiedRows> {
  let handOver!: (copying: Copying) => void;
  const started = new Promise<Copying>((resolve) => (handOver = resolve));
  let finish!: (error?: Error) => void;
  const finished = new Promise<void>((resolve, reject) => (finish = (e) => (e ? reject(e) : resolve())));
  finished.catch(() => {});
  // Repeatable read: a probe the query was chosen by and the COPY see the same snapshot.
  const transaction = client.begin("isolation level repeatable read read only", async (tx) => {
    await tx.unsafe("SET LOCAL statement_timeout = 0");
    await tx.unsafe("SET LOCAL standard_conforming_strings = on");
    const text = await copySql(async (query) => await tx.unsafe(inlineLiterals(query)));
    const copy = tx.unsafe(text);
    handOver({ stream: (await copy.readable()) as unknown as Readable, copy });
    await finished;
  });
  transaction.catch(() => {});
  let copying: Copying | undefined;
  let complete = false;
  try {
    copying = await Promise.race([
      started,
      transaction.then(() => Promise.reject(new Error("COPY: the transaction ended before streaming"))),
    ]);
    const source = copying.stream;
    // Flowing, with our own limit: postgres.js hands over one message per row, and its stream's 16 KB
    // high-water mark would pause and resume the socket every few dozen rows. Here the socket is paused
    // only once READ_AHEAD_BYTES wait unread, and resumed as soon as the consumer takes them.
    const queue: Buffer[] = [];
    let queued = 0;
    let ended = false;
    let failure: unknown;
    let wake: (() => void) | undefined;
    source.on("data", (chunk: Buffer) => {
      queue.push(chunk);
      queued += chunk.length;
      if (queued >= READ_AHEAD_BYTES) source.pause();
      if (queued >= RUN_BYTES) wake?.();
    });
    source.once("end", () => ((ended = true), wake?.()));
    source.once("error", (error) => ((failure = error), wake?.()));
    for (;;) {
      if (queued < RUN_BYTES && !ended && !failure) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (!queue.length) {
        if (failure) throw failure;
        break;
      }
      const chunk = queue.length === 1 ? queue[0] : Buffer.concat(queue, queued);
      queue.length = 0;
      queued = 0;
      source.resume();
      const run = decoder.push(chunk);
      if (run.bytes.length) yield run;
    }
    decoder.end();
    complete = true;
    // postgres.js pauses its socket when the stream's buffer is full and resumes it only from the
    // stream's _read; when CopyDone arrived in the same socket read as the rows that filled the buffer,
    // nothing calls _read after the end, and COPY's CommandComplete would wait in a paused socket forever.
    (source as unknown as { _read(): void })._read();
    finish();
    await transaction;
  } finally {
    if (!complete) {
      const source = copying?.stream;
      if (source && !source.destroyed) {
        source.removeAllListeners("data");
        // Let the server's answer to the cancel (an error, then ready) through the paused socket.
        copying!.copy.cancel();
        await new Promise<void>((resolve) => {
          source.on("error", () => {}).once("close", resolve);
          source.resume();
        });
      }
      if (source) (source as unknown as { _read(): void })._read(); // see above: unpause the socket

      finish(new Error("COPY stopped early"));
      await transaction.catch(() => {});
    }
  }
}

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * The binary COPY format, one text column per tuple: an 11-byte signature, flags and a header
 * extension, then per tuple an int16 field count, an int32 length and the bytes; an int16 -1 ends it.
 * Tuples straddle the chunks the socket delivers, so the unread tail is carried to the next chunk.
 */
class BinaryCopyFrames implements CopyDecoder {
  private carry: Buffer | null = null;
  private headerDone = false;
  private trailerSeen = false;

  push(chunk: Buffer): CopiedRows {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let pos = 0;
    if (!this.headerDone) {
      if (buf.length < 19) return this.keep(buf, 0);
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("COPY: not a binary COPY stream");
      const extension = buf.readUInt32BE(15);
      if (buf.length < 19 + extension) return this.keep(buf, 0);
      pos = 19 + extension;
      this.headerDone = true;
    }
    const out = Buffer.allocUnsafe(buf.length);
    let size = 0;
    let rows = 0;
    while (pos + 2 <= buf.length) {
      const fields = buf.readInt16BE(pos);
      if (fields === -1) {
        this.trailerSeen = true;
        pos += 2;
        break;
      }
      if (fields !== 1) throw new Error(`COPY: expected one column per row, got ${fields}`);
      if (pos + 6 > buf.length) break;
      const length = buf.readInt32BE(pos + 2);
      if (length < 0) throw new Error("COPY: a row's line is NULL");
      if (pos + 6 + length > buf.length) break;
      size += buf.copy(out, size, pos + 6, pos + 6 + length);
      rows++;
      pos += 6 + length;
    }
    this.keep(buf, pos);
    return { bytes: out.subarray(0, size), rows };
  }

  end(): void {
    if (!this.trailerSeen || this.carry) throw new Error("COPY: stream ended inside a row");
  }

  private keep(buf: Buffer, from: number): CopiedRows {
    this.carry = from < buf.length ? Buffer.from(buf.subarray(from)) : null;
    return { bytes: new Uint8Array(0), rows: 0 };
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from("\r\n");

/**
 * COPY's CSV with CRLF record ends. A LF ends a record unless it is inside a quoted field; COPY quotes
 * every field holding a quote, so outside quotes a `"` always opens one, and inside, the next `"` closes
 * it (a doubled quote closes and reopens). The state carries across chunks.
 */
class CsvRecordEnds implements CopyDecoder {
  private quoted = false;

  push(buf: Buffer): CopiedRows {
    const parts: Buffer[] = [];
    let rows = 0;
    let start = 0;
    let pos = 0;
    let nextQuote = -1;
    while (pos < buf.length) {
      if (this.quoted) {
        const close = buf.indexOf(QUOTE, pos);
        if (close === -1) break;
        this.quoted = false;
        pos = close + 1;
        continue;
      }
      if (nextQuote !== Infinity && nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote === -1) nextQuote = Infinity;
      }
      const lf = buf.indexOf(LF, pos);
      if (lf === -1 && nextQuote === Infinity) break;
      if (lf === -1 || nextQuote < lf) {
        this.quoted = true;
        pos = nextQuote + 1;
        continue;
      }
      parts.push(buf.subarray(start, lf), CRLF);
      rows++;
      start = pos = lf + 1;
    }
    if (start < buf.length) parts.push(buf.subarray(start));
    return { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts), rows };
  }

  end(): void {
    if (this.quoted) throw new Error("COPY: CSV ended inside a quoted field");
  }
}

const dialect = new PgDialect();

/**
 * The statement's text with each parameter written as a literal. Only strings (as standard-conforming
 * single-quoted literals: quotes doubled, backslashes plain, no NUL) and safe integers (quoted too, so a
 * sign can never join the text before it into a comment) are accepted; anything else throws. Each
 * literal is set apart by spaces so it cannot fuse with text before it into an E'' or U&'' string.
 * Callers must run the text with `standard_conforming_strings = on` (copyOutLines sets it locally).
 */
export function inlineLiterals(query: SQL): string {
  return query.toQuery({
    casing: (dialect as unknown as { casing: Parameters<SQL["toQuery"]>[0]["casing"] }).casing,
    escapeName: (name) => dialect.escapeName(name),
    escapeParam: (_index, value) => ` ${sqlLiteral(value)} `,
    escapeString: (text) => ` ${sqlLiteral(text)} `,
  }).sql;
}

export function sqlLiteral(value: unknown): string {
  if (typeof value === "number" && Number.isSafeInteger(value)) return `'${value}'`;
  if (typeof value === "string") {
    if (value.includes("\0")) throw new Error("inlineLiterals: a string parameter holds a NUL");
    return `'${value.replaceAll("'", "''")}'`;
  }
  throw new Error(`inlineLiterals: only strings and safe integers can be inlined (got ${typeof value})`);
}
