// A real SMTP server on a random local port for tests: keeps what it receives, or refuses what the test
// tells it to (smtp-server's hooks).
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on a random local port (no TLS, no auth) that keeps what it receives. */
export async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    ...options,
  });
  const port = await new Promise<number>((resolve) => {
    const net = server.listen(0, "127.0.0.1", () => resolve((net.address() as AddressInfo).port));
  });
  return {
    received,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text part of a received message, whatever transfer encoding nodemailer picked. */
export function bodyOf(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body, "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

export const headerOf = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, "im").exec(raw.slice(0, raw.indexOf("\r\n\r\n")))?.[1];

/** One part of a multipart message (text + HTML) by its content type, decoded; the whole body otherwise. */
export function partOf(raw: string, type: "text/plain" | "text/html"): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n\s+/g, " ");
  const boundary = /^content-type:\s*multipart\/[^\n]*boundary="?([^";\r\n]+)"?/im.exec(head)?.[1];
  if (!boundary) return bodyOf(raw);
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const content = part.replace(/^\r\n/, "").replace(/\r\n$/, "");
    const partHead = content.slice(0, content.indexOf("\r\n\r\n"));
    if (new RegExp(`^content-type:\\s*${type}`, "im").test(partHead)) return bodyOf(content);
    if (/^content-type:\s*multipart\//im.test(partHead)) {
      const nested = partOf(content, type);
      if (nested) return nested;
    }
  }
  return "";
}
