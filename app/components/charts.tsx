import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { useId } from "react";

export interface ChartDatum {
  label: string;
  value: number | null;
}

interface ChartProps {
  title: string;
  description: string;
  data: ChartDatum[];
  /** How a value reads on the axis and beside a bar (units included). */
  format: (value: number) => string;
}

const width = 640;
const labelWidth = 170;
const valueWidth = 70;
const barHeight = 26;
const ticks = 4;

/**
 * Horizontal bars drawn on the server as SVG: nothing to load in the browser, and readable without
 * colour (each bar carries its value). The data table beside it says the same for screen readers.
 */
export function BarChart({ title, description, data, format }: ChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const height = Math.max(1, data.length) * barHeight + 24;
  const max = Math.max(0, ...data.map((datum) => datum.value ?? 0));
  const x = scaleLinear()
    .domain([0, max || 1])
    .nice(ticks)
    .range([labelWidth, width - valueWidth]);
  const y = scaleBand()
    .domain(data.map((_, index) => String(index)))
    .range([0, height - 24])
    .padding(0.2);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`} className="h-auto w-full max-w-2xl">
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>{description}</desc>
      {x.ticks(ticks).map((tick) => (
        <g key={tick} transform={`translate(${x(tick)},0)`}>
          <line y1={0} y2={height - 24} className="stroke-slate-200" />
          <text y={height - 8} textAnchor="middle" className="fill-slate-700 text-[11px]">
            {format(tick)}
          </text>
        </g>
      ))}
      {data.map((datum, index) => {
        const top = y(String(index)) ?? 0;
        const end = x(datum.value ?? 0);
        return (
          <g key={index}>
            <text x={labelWidth - 8} y={top + y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end" className="fill-slate-800 text-[12px]">
              {datum.label.length > 24 ? `${datum.label.slice(0, 23)}…` : datum.label}
            </text>
            <rect x={labelWidth} y={top} width={Math.max(0, end - labelWidth)} height={y.bandwidth()} className="fill-brand-700" />
            <text x={end + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle" className="fill-slate-800 text-[12px]">
              {datum.value === null ? "–" : format(datum.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A line over evenly spaced points (weeks, rounds), with a dot on each value; gaps where a point has none. */
export function LineChart({ title, description, data, format }: ChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const height = 240;
  const left = 56;
  const bottom = 40;
  const max = Math.max(0, ...data.map((datum) => datum.value ?? 0));
  // Some figures go below zero (a recommendation score runs from −100 to 100).
  const min = Math.min(0, ...data.map((datum) => datum.value ?? 0));
  const x = scalePoint()
    .domain(data.map((datum) => datum.label))
    .range([left, width - 16])
    .padding(0.5);
  const y = scaleLinear()
    .domain([min, max || 1])
    .nice(ticks)
    .range([height - bottom, 12]);
  const path = line<ChartDatum>()
    .defined((datum) => datum.value !== null)
    .x((datum) => x(datum.label) ?? left)
    .y((datum) => y(datum.value ?? 0))(data);
  // Every label would overlap on a year of weeks: show about eight.
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`} className="h-auto w-full max-w-2xl">
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>{description}</desc>
      {y.ticks(ticks).map((tick) => (
        <g key={tick} transform={`translate(0,${y(tick)})`}>
          <line x1={left} x2={width - 16} className="stroke-slate-200" />
          <text x={left - 6} dominantBaseline="middle" textAnchor="end" className="fill-slate-700 text-[11px]">
            {format(tick)}
          </text>
        </g>
      ))}
      {data.map((datum, index) =>
        index % labelEvery === 0 ? (
          <text key={datum.label} x={x(datum.label)} y={height - bottom + 18} textAnchor="middle" className="fill-slate-700 text-[11px]">
            {datum.label}
          </text>
        ) : null,
      )}
      {path ? <path d={path} fill="none" strokeWidth={2} className="stroke-brand-700" /> : null}
      {data.map((datum) =>
        datum.value === null ? null : <circle key={datum.label} cx={x(datum.label)} cy={y(datum.value)} r={3.5} className="fill-brand-700" />,
      )}
    </svg>
  );
}
