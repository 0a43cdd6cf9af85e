import { describe, expect, it } from 'vitest';
import { forecastChart } from '../../src/render/html-charts.js';
import type { ReportForecast } from '../../src/report/report-forecast.js';

const day = (date: string, created: number) => ({ date, created, solved: 0, open: 0 });
const FORECAST: ReportForecast = {
  model: 'seasonal-naive',
  chosenBy: 'backtest',
  level: 0.8,
  daily: [
    { date: '2024-03-04', volume: 5, low: 3, high: 8 },
    { date: '2024-03-05', volume: 6, low: 4, high: 9 },
  ],
};
const count = (markup: string, pattern: RegExp): number => markup.match(pattern)?.length ?? 0;
const pointsOf = (markup: string, cls: string): string[] => markup.match(new RegExp(`class="${cls}" points="([^"]*)"`))![1]!.split(' ');

describe('forecastChart', () => {
  const svg = forecastChart([day('2024-03-01', 4), day('2024-03-02', 2), day('2024-03-03', 7)], FORECAST);

  it('draws one mark per day seen and per day forecast, each with a tooltip', () => {
    expect(count(svg, /<circle class="mark history"/g)).toBe(3);
    expect(count(svg, /<circle class="mark forecast"/g)).toBe(2);
    expect(svg).toContain('<title>2024-03-03: 7 created</title>');
    expect(svg).toContain('<title>2024-03-05: ~6 forecast (80% interval 4–9)</title>');
  });

  it('joins the forecast line to the last day seen and shades the interval between the bounds', () => {
    expect(pointsOf(svg, 'line history')).toHaveLength(3);
    const forecastLine = pointsOf(svg, 'line forecast');
    expect(forecastLine).toHaveLength(3);
    expect(forecastLine[0]).toBe(pointsOf(svg, 'line history')[2]);
    // Upper edge over the two forecast days, then back along the lower edge.
    const band = pointsOf(svg, 'band').map((p) => Number(p.split(',')[1]));
    expect(band).toHaveLength(4);
    expect(band[0]).toBeLessThan(band[3]!);
    expect(band[1]).toBeLessThan(band[2]!);
  });

  it('has an accessible name and description', () => {
    expect(svg).toMatch(/^<svg id="chart-forecast" class="chart" role="img" aria-label="Tickets created per day and the 2-day forecast"/);
    expect(svg).toContain('<desc>3 days seen, then the seasonal-naive forecast (chosen by backtest) with its 80% interval shaded</desc>');
  });

  it('shows only the last eight weeks seen', () => {
    const long = Array.from({ length: 100 }, (_, i) => day(`d${i}`, i));
    const markup = forecastChart(long, FORECAST);
    expect(count(markup, /<circle class="mark history"/g)).toBe(56);
    expect(markup).toContain('<title>d99: 99 created</title>');
    expect(markup).not.toContain('<title>d43: 43 created</title>');
  });
});
