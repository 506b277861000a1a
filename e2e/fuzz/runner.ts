// Sends the fuzz requests (Node's fetch: every header, Origin included, exactly as written), checks each
// answer, and keeps what is needed to reproduce a failure.

export type Who = "admin" | "client" | "apiKey" | "anonymous";

export type FuzzRequest = {
  /** Which target (route file + method, or server action) this request fuzzes. */
  target: string;
  who: Who;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  /** "refused": hostile input that must be answered 4xx (or an action's error state) and write nothing. */
  expect: "any" | "refused";
  /** The one status a refusal must have (403 for a server action from a foreign Origin). */
  expectStatus?: number;
};

export type FuzzResult = FuzzRequest & { status: number; responseExcerpt: string; problems: string[] };

// Target behaviour, not today's: no stack frames and no SQL in anything a caller can read.
const LEAKS: Array<[RegExp, string]> = [
  [/\bat .*\.(?:js|mjs|cjs|ts):\d+/, "stack trace"],
  [/^\s+at \S+ \(/m, "stack trace"],
  [/\bSELECT\b[\s\S]{0,200}\bFROM\b/, "SQL text"],
  [/\bINSERT INTO\b|\bUPDATE \S+ SET\b|\bDELETE FROM\b/, "SQL text"],
  [
    /syntax error at|violates \S+ constraint|invalid byte sequence|out of range for type|Failed query/i,
    "SQL error",
  ],
  [/Something went wrong on our side/, "internal error message (a 500 in disguise)"],
];

export function excerpt(value: string | FormData | undefined, max = 300): string {
  if (value === undefined) return "";
  const text =
    typeof value === "string"
      ? value
      : [...value.entries()].map(([k, v]) => `${k}=${typeof v === "string" ? v : "<file>"}`).join("&");
  const shown = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  return JSON.stringify(shown);
}

/** Is this answer a refusal? Routes: 4xx. Actions: 4xx, a redirect to sign in, or the form's error state. */
function isRefusal(req: FuzzRequest, status: number, text: string, location: string | null): boolean {
  if (status >= 400 && status < 500) return true;
  if (status >= 300 && status < 400) return /\/login\b/.test(location ?? "");
  return "Next-Action" in (req.headers ?? {}) && status === 200 && /"status":"error"/.test(text);
}

export class FuzzRunner {
  readonly results: FuzzResult[] = [];

  constructor(
    readonly origin: string,
    readonly auth: Record<Who, Record<string, string>>,
    readonly concurrency = 4,
  ) {}

  async send(req: FuzzRequest): Promise<FuzzResult> {
    const headers = { ...this.auth[req.who], ...req.headers };
    let status = 0;
    let text = "";
    let location: string | null = null;
    const problems: string[] = [];
    try {
      const response = await fetch(this.origin + req.path, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : req.body,
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      location = response.headers.get("location");
      text = await response.text();
    } catch (error) {
      problems.push(`no answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (status >= 500) problems.push(`status ${status}`);
    for (const [pattern, what] of LEAKS) if (pattern.test(text)) problems.push(`${what} in body`);
    if (req.expect === "refused" && status > 0 && status < 500 && !isRefusal(req, status, text, location)) {
      problems.push(`hostile input was not refused (status ${status})`);
    }
    if (req.expectStatus !== undefined && status !== req.expectStatus) {
      problems.push(`expected status ${req.expectStatus}, got ${status}`);
    }
    const result = { ...req, status, responseExcerpt: excerpt(text), problems };
    this.results.push(result);
    return result;
  }

  /** Runs requests with a few in flight at once (two cores: more would only queue). */
  async sendAll(requests: FuzzRequest[]): Promise<FuzzResult[]> {
    const out: FuzzResult[] = new Array(requests.length);
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const i = next++;
        out[i] = await this.send(requests[i]);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    return out;
  }

  summary(): string {
    const byStatus = new Map<number, number>();
    for (const r of this.results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    const fivexx = this.results.filter((r) => r.status >= 500).length;
    const failing = this.results.filter((r) => r.problems.length).length;
    return `fuzz: ${this.results.length} requests, ${fivexx} with 5xx, ${failing} failing; by status { ${statuses.join(", ")} }`;
  }

  /** The failing requests, one block each, enough to replay them by hand (grouped: first 60 shown). */
  failureReport(results: FuzzResult[] = this.results, limit = 60): string {
    const failing = results.filter((r) => r.problems.length);
    const lines = failing.slice(0, limit).map((r) => {
      const headers = Object.entries(r.headers ?? {})
        .map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 80)}…` : v}`)
        .join("; ");
      return [
        `✗ [${r.target}] as ${r.who}: ${r.method} ${r.path.length > 200 ? `${r.path.slice(0, 200)}…` : r.path}`,
        headers ? `    headers: ${headers}` : "",
        r.body !== undefined ? `    body: ${excerpt(r.body)}` : "",
        `    → ${r.status} ${r.responseExcerpt}`,
        `    problems: ${r.problems.join(", ")}`,
      ]
        .filter(Boolean)
        .join("\n");
    });
    const more = failing.length > limit ? `\n…and ${failing.length - limit} more` : "";
    return `${failing.length} failing request(s):\n${lines.join("\n")}${more}`;
  }
}
