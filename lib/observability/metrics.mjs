// Prometheus metrics (prom-client), one registry per process, shared by server.mjs (HTTP requests) and
// the bundled app code (jobs, signups, payments): both module copies find it on globalThis. Counters are
// incremented in memory where the event is recorded; nothing here adds a query to a request.
import client from "prom-client";

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const http = {
    requests: new client.Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route pattern",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    inFlight: new client.Gauge({
      name: "http_requests_in_flight",
      help: "HTTP requests being answered right now",
      registers: [registry],
    }),
    draining: new client.Gauge({
      name: "server_draining",
      help: "1 while the instance drains after SIGTERM (readiness answers 503)",
      registers: [registry],
    }),
  };
  const jobs = {
    runs: new client.Counter({
      name: "job_runs_total",
      help: "Job runs on this instance, by queue and outcome (completed or failed)",
      labelNames: ["queue", "outcome"],
      registers: [registry],
    }),
    runSeconds: new client.Histogram({
      name: "job_run_duration_seconds",
      help: "Time a job run took on this instance, by queue",
      labelNames: ["queue"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    depth: new client.Gauge({
      name: "job_queue_jobs",
      help: "Jobs in the shared queue by queue and state (created, retry, active, failed), read at scrape time",
      labelNames: ["queue", "state"],
      registers: [registry],
    }),
  };
  const domain = {
    signups: new client.Counter({
      name: "signups_total",
      help: "Client accounts created on this instance, by whether a referral code was used",
      labelNames: ["referred"],
      registers: [registry],
    }),
    payments: new client.Counter({
      name: "payments_recorded_total",
      help: "Payments, refunds and chargebacks recorded on this instance (replays not counted)",
      labelNames: ["type"],
      registers: [registry],
    }),
    commissions: new client.Counter({
      name: "commissions_recorded_total",
      help: "Commission rows recorded on this instance, by level",
      labelNames: ["level"],
      registers: [registry],
    }),
  };
  const db = {
    poolMax: new client.Gauge({
      name: "db_pool_max_connections",
      help: "Connections the PostgreSQL pool may open (DATABASE_POOL_MAX; 1 for the embedded PGlite); postgres.js does not expose how many are busy",
      registers: [registry],
    }),
    replicaPoolMax: new client.Gauge({
      name: "db_replica_pool_max_connections",
      help: "Connections the read replica's pool may open (DATABASE_REPLICA_URL, same DATABASE_POOL_MAX); 0 when reads go to the primary",
      registers: [registry],
    }),
  };
  return { registry, http, jobs, domain, db };
}

/** @typedef {ReturnType<typeof createMetrics>} Metrics */
/** @type {{ __musenestMetrics?: Metrics }} */
const store = /** @type {never} */ (globalThis);

/** @returns {Metrics} */
export function metrics() {
  return (store.__musenestMetrics ??= createMetrics());
}

export const jobMetrics = () => metrics().jobs;
export const domainMetrics = () => metrics().domain;

/**
 * The route pattern a path belongs to, for labels: ids, codes and tokens become placeholders so the
 * number of series stays bounded whatever the traffic.
 * @param {string} url
 * @param {number} status
 * @returns {string}
 */
export function routeLabel(url, status) {
  if (status === 404) return "(not found)";
  const path = (url.split("?")[0] || "/").replace(/\/+$/, "") || "/";
  if (path.startsWith("/_next/")) return "/_next/*";
  const segments = path.split("/");
  const out = segments.map((segment, i) => {
    if (i === 0) return segment;
    const previous = segments[i - 1];
    if (/^\d+$/.test(segment)) return ":id";
    if (previous === "r" && i === 2) return ":code";
    if (previous === "validate") return ":code";
    if (segment.length > 24 || /^[0-9a-f-]{16,}$/i.test(segment)) return ":token";
    return segment;
  });
  return out.slice(0, 6).join("/");
}
