const formats = {
  minutes: new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
  seconds: new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }),
};

export type UtcTimeProps = {
  /** An instant, as an ISO string. */
  value: string;
  /** To the minute (default) or to the second. */
  precision?: keyof typeof formats;
  className?: string;
};

/** An instant as a `<time>`: its date and time of day in UTC. */
export function UtcTime({ value, precision = "minutes", className }: UtcTimeProps) {
  return (
    <time dateTime={value} className={className}>
      {formats[precision].format(new Date(value))}
    </time>
  );
}
