import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents } from '../../ui/format';
import { centTicks, type DayKey } from './spendDays';
import { SpendByDayTable } from './SpendByDayTable';

// SVG presentation attributes do not resolve CSS variables everywhere, so the palette's values are spelled out.
const BAR_COLOUR = '#4f46e5';
const GRID_COLOUR = '#e4e7ec';
const AXIS_TEXT = { fill: '#667085', fontSize: 12 };

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fullDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });

/** "3 Mar" for a `YYYY-MM-DD` day (read as UTC so the day never shifts with the viewer's time zone). */
function shortDay(day: DayKey): string {
  return dayMonth.format(Date.parse(`${day}T00:00:00Z`));
}

/** Spend per day as bars, with the same numbers in a table for screen readers and tests. */
export function SpendByDayChart({ days }: { days: Array<{ day: DayKey; cents: number }> }) {
  const ticks = centTicks(Math.max(0, ...days.map((entry) => entry.cents)));
  // "$400" reads better than "$400.00" on an axis whose every tick is whole dollars.
  const wholeDollars = ticks.every((cents) => cents % 100 === 0);
  const tickLabel = (cents: number) => (wholeDollars ? formatCents(cents).slice(0, -3) : formatCents(cents));
  return (
    <figure className="spend-chart" aria-label="Spend by day">
      <BarChart responsive style={{ width: '100%', height: 220 }} data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <XAxis dataKey="day" tickFormatter={shortDay} tickLine={false} axisLine={{ stroke: GRID_COLOUR }} tick={AXIS_TEXT} minTickGap={24} />
        <YAxis ticks={ticks} domain={[0, ticks.at(-1)!]} tickFormatter={tickLabel} allowDecimals={false} tickLine={false} axisLine={false} tick={AXIS_TEXT} width={64} />
        <Tooltip
          cursor={{ fill: '#eef2ff' }}
          separator=": "
          formatter={(value) => [formatCents(Number(value)), 'Spent']}
          labelFormatter={(day) => fullDay.format(Date.parse(`${String(day)}T00:00:00Z`))}
        />
        <Bar dataKey="cents" fill={BAR_COLOUR} radius={[3, 3, 0, 0]} maxBarSize={36} isAnimationActive={false} />
      </BarChart>
      <SpendByDayTable days={days} />
    </figure>
  );
}
