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

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 36 };

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => value <= s * 4) ?? magnitude * 10;
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
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-500 text-[11px]">
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
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
              <text x={x + bar / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">
                {column.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
