// Credits used per day as a server-rendered SVG bar chart: no client script,
// it scales with its box, and its words come from the page (any language).
// Days with a purchase or top-up carry a marker above the bar; a day without use has no bar. The chart is
// an image to assistive technology; the page gives the same numbers as text
// (a summary and a table, UsageTable below).

export interface ChartPoint {
  /** "YYYY-MM-DD". */
  day: string;
  used: number;
  granted: boolean;
}

const WIDTH = 720;
const HEIGHT = 180;
const PAD_LEFT = 44;
const PAD_BOTTOM = 22;
const PAD_TOP = 14;

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least `max`. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function UsageChart({
  points,
  label,
  formatValue,
  formatDay,
  grantLabel,
}: {
  points: ChartPoint[];
  /** The chart's accessible name, e.g. "SMS credits used per day, last 30 days". */
  label: string;
  formatValue: (value: number) => string;
  formatDay: (day: string) => string;
  /** The marker's title, e.g. "Credits added". */
  grantLabel: string;
}) {
  const top = niceMax(Math.max(0, ...points.map((p) => p.used)));
  const plotWidth = WIDTH - PAD_LEFT;
  const plotHeight = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const slot = plotWidth / Math.max(points.length, 1);
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => PAD_TOP + plotHeight - (value / top) * plotHeight;
  const ticks = [0, top / 2, top];
  const labelEvery = Math.ceil(points.length / 6);
  // Tenths of a unit of the 720-wide box are finer than any screen shows: shorter numbers, a smaller page.
  const r = (value: number) => Math.round(value * 10) / 10;
  const left = (i: number) => PAD_LEFT + i * slot + (slot - barWidth) / 2;
  // One element per bar (it carries the day's figures and its tooltip), and the
  // purchase markers as one path: the chart's cost grows with its elements.
  const markers = points
    .map((point, i) => (point.granted ? `M${r(left(i) + barWidth / 2)} ${PAD_TOP + 4}l4 -7h-8z` : ""))
    .join("");
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" data-testid="usage-chart">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD_LEFT} x2={WIDTH} y1={r(y(tick))} y2={r(y(tick))} stroke="#e5e7eb" strokeWidth={1} />
          <text x={PAD_LEFT - 6} y={r(y(tick) + 4)} textAnchor="end" fontSize={11} fill="#6b7280">
            {formatValue(tick)}
          </text>
        </g>
      ))}
      {points.map((point, i) =>
        point.used > 0 ? (
          <rect key={point.day} data-day={point.day} data-used={point.used} x={r(left(i))} y={r(y(point.used))} width={r(barWidth)} height={r(PAD_TOP + plotHeight - y(point.used))} rx={1} fill="#714b67">
            <title>{`${formatDay(point.day)}: ${formatValue(point.used)}${point.granted ? ` · ${grantLabel}` : ""}`}</title>
          </rect>
        ) : null,
      )}
      {markers && (
        <path d={markers} fill="#059669">
          <title>{grantLabel}</title>
        </path>
      )}
      {points.map((point, i) =>
        // Every few days, and always today (the right edge, its label ending there so "1 déc." or "12月1日" is not cut off), without crowding the one before it.
        (i % labelEvery === 0 && points.length - 1 - i >= labelEvery / 2) || i === points.length - 1 ? (
          <text
            key={point.day}
            x={i === points.length - 1 ? WIDTH : r(left(i) + barWidth / 2)}
            y={HEIGHT - 6}
            textAnchor={i === points.length - 1 ? "end" : "middle"}
            fontSize={11}
            fill="#6b7280"
          >
            {formatDay(point.day)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** A small trend line (the IAP Account list): last days' usage, no axes. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 96;
  const height = 24;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${(height - 2 - (value / max) * (height - 4)).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="inline-block align-middle">
      <polyline points={points} fill="none" stroke="#714b67" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
