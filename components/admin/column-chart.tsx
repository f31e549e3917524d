/**
 * A server-rendered SVG column chart. The SVG is one image with a title and a summary sentence
 * (role="img"); the exact numbers are in the DataTable next to it. Scales to its container.
 */
export interface Column {
  key: string;
  /** Short axis label; empty to leave the tick unlabelled. */
  label: string;
  value: number;
}

// A narrow viewBox keeps the labels readable when the chart shrinks to a phone's width.
const WIDTH = 480;
const HEIGHT = 220;
const PAD = { top: 14, right: 12, bottom: 30, left: 56 };

/** The smallest "nice" axis top (4 whole-number gridline steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) that fits `value`. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const raw = value / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
      .map((m) => m * magnitude)
      .find((candidate) => Number.isInteger(candidate) && candidate >= raw) ?? magnitude * 10;
  return step * 4;
}

export function ColumnChart({
  id,
  title,
  summary,
  columns,
}: {
  id: string;
  title: string;
  summary: string;
  columns: Column[];
}) {
  const max = niceMax(Math.max(0, ...columns.map((column) => column.value)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, columns.length);
  const bar = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{summary}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
            className="stroke-slate-200"
            strokeWidth={1}
          />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-600 text-[14px]">
            {Number.isInteger(tick) ? tick.toLocaleString("en-US") : tick.toFixed(1)}
          </text>
        </g>
      ))}
      {columns.map((column, index) => {
        const x = PAD.left + index * slot + (slot - bar) / 2;
        const top = y(column.value);
        return (
          <g key={column.key}>
            <rect
              x={x}
              y={top}
              width={bar}
              height={Math.max(0, PAD.top + plotH - top)}
              rx={Math.min(4, bar / 4)}
              className="fill-brand-500"
            />
            {column.label && (
              // The outermost labels hug the plot's edges so they are never cut off.
              <text
                x={index === 0 ? x : index === columns.length - 1 ? x + bar : x + bar / 2}
                y={HEIGHT - 9}
                textAnchor={index === 0 ? "start" : index === columns.length - 1 ? "end" : "middle"}
                className="fill-slate-600 text-[14px]"
              >
                {column.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
