import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { stages, type CutoffBoard, type DaySeries } from '../../../shared/dashboard';
import { formatNumber, formatTime } from '../../lib/format';
import { carrierName } from '../picking/text';

const hourMs = 3_600_000;

type Point = { readonly at: number; readonly picked: number; readonly packed: number; readonly dispatched: number };

/** One marker per cutoff instant, naming every carrier whose truck leaves then. */
type Marker = { readonly at: number; readonly carriers: readonly string[] };

function markersOf(boards: readonly CutoffBoard[]): Marker[] {
  const byInstant = new Map<number, string[]>();
  for (const board of boards) {
    const at = Date.parse(board.cutoff);
    byInstant.set(at, [...(byInstant.get(at) ?? []), board.carrier]);
  }
  return [...byInstant.entries()].sort(([a], [b]) => a - b).map(([at, carriers]) => ({ at, carriers }));
}

/** Whole hours across the span, every other hour when the day is long: ticks read from 3 m. */
function hourTicks(from: number, to: number): number[] {
  const step = to - from > 8 * hourMs ? 2 * hourMs : hourMs;
  const ticks: number[] = [];
  for (let at = Math.ceil(from / hourMs) * hourMs; at <= to; at += step) ticks.push(at);
  return ticks;
}

/** Solid, dashed, dotted: the stages apart without their colours too (WCAG 1.4.1). */
const dashes: Readonly<Record<(typeof stages)[number], string | undefined>> = { picked: undefined, packed: '14 8', dispatched: '2 9' };

/**
 * The ship date's day so far (DOMAIN, the shift lead's day): orders picked, packed and dispatched,
 * cumulative every 15 minutes, with the orders due and a marker where each carrier's truck leaves.
 * The picture is an image with its summary for a name; the same figures are in a table for a
 * screen reader. Stage colours are the boards' (dashboard.css); no animation on a screen that
 * redraws with every parcel.
 */
export function DayChart({ series, boards }: { readonly series: DaySeries; readonly boards: readonly CutoffBoard[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const points: Point[] = series.at.map((at, index) => ({
    at: Date.parse(at),
    picked: series.picked[index] ?? 0,
    packed: series.packed[index] ?? 0,
    dispatched: series.dispatched[index] ?? 0,
  }));
  const markers = markersOf(boards);
  const due = boards.reduce((sum, board) => sum + board.due, 0);
  const last = points.at(-1);
  // From the first work or truck of the day up to the last truck: the time still left is part of the picture.
  const instants = [...points.map((point) => point.at), ...markers.map((marker) => marker.at)];
  if (instants.length === 0) return null;
  const from = Math.min(...instants);
  const to = Math.max(...instants);
  const top = Math.max(1, due, ...points.map((point) => point.picked));
  const summary = t('dashboard.chart.summary', {
    time: last ? formatTime(new Date(last.at).toISOString()) : '—',
    picked: formatNumber(last?.picked ?? 0),
    packed: formatNumber(last?.packed ?? 0),
    dispatched: formatNumber(last?.dispatched ?? 0),
    due: formatNumber(due),
  });
  const timeOf = (at: number): string => formatTime(new Date(at).toISOString());

  return (
    <section className="dashboard-panel dashboard-chart" aria-labelledby={titleId} data-dashboard-chart data-points={points.length}>
      <h2 id={titleId}>{t('dashboard.chart.title')}</h2>
      <p className="dashboard-chart-summary">{summary}</p>
      <LineChart
        className="dashboard-chart-plot"
        responsive
        data={points}
        margin={{ top: 40, right: 24, bottom: 8, left: 8 }}
        accessibilityLayer={false}
        role="img"
        aria-label={summary}
        title={t('dashboard.chart.title')}
        desc={summary}
      >
        <CartesianGrid className="dashboard-chart-grid" vertical={false} />
        <XAxis dataKey="at" type="number" scale="time" domain={[from, to]} ticks={hourTicks(from, to)} interval={0} tickFormatter={timeOf} />
        <YAxis domain={[0, top]} allowDecimals={false} tickFormatter={(value: number) => formatNumber(value)} width={64} />
        <ReferenceLine
          className="dashboard-due-line"
          y={due}
          strokeDasharray="4 6"
          ifOverflow="extendDomain"
          label={{ value: t('dashboard.chart.due', { count: due }), position: 'insideBottomLeft' }}
        />
        {markers.map((marker) => (
          <ReferenceLine
            key={marker.at}
            className="dashboard-cutoff-marker"
            x={marker.at}
            label={{
              value: t('dashboard.chart.cutoff', { carriers: marker.carriers.map((carrier) => carrierName(t, carrier)).join(', '), time: timeOf(marker.at) }),
              position: 'top',
            }}
          />
        ))}
        {stages.map((stage) => (
          <Line
            key={stage}
            className={`stage-${stage}`}
            dataKey={stage}
            name={t(`dashboard.figures.${stage}`)}
            type="stepAfter"
            strokeWidth={5}
            strokeDasharray={dashes[stage]}
            strokeLinecap="round"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      {/* The legend in words and the lines' own colours and dashes, big enough for the office screen. */}
      <ul className="dashboard-legend" aria-hidden="true">
        {stages.map((stage) => (
          <li key={stage} className={`stage-${stage}`}>
            <span className="dashboard-legend-swatch" />
            {t(`dashboard.figures.${stage}`)}
          </li>
        ))}
      </ul>
      <table className="visually-hidden" data-dashboard-chart-table>
        <caption>{t('dashboard.chart.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.chart.time')}</th>
            {stages.map((stage) => (
              <th key={stage} scope="col">
                {t(`dashboard.figures.${stage}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.at}>
              <th scope="row">{timeOf(point.at)}</th>
              {stages.map((stage) => (
                <td key={stage}>{formatNumber(point[stage])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
