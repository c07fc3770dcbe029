// How long the credits last at the current rate. Plain arithmetic on the
// daily usage (no database), so it is tested on synthetic series.
//
// The rate is an exponentially weighted average of the last FORECAST_WINDOW_DAYS
// complete days, zero days included, each day weighing half as much as the one
// HALF_LIFE_DAYS later. Recent days count most, so a change of pace shows within
// a week; bursty use (a mass SMS once a fortnight) is spread over the days
// between bursts instead of being taken as the daily pace; a single old burst
// fades rather than drops off a cliff. With no usage in the window the
// forecast is "no recent usage" (today's partial day alone does not make a rate
// unless nothing else does).

export const FORECAST_WINDOW_DAYS = 28;
export const HALF_LIFE_DAYS = 7;

export type Forecast =
  | { kind: "no-usage" }
  /** `days`: whole days the available credits last at `unitsPerDay` (0 = they run out today). */
  | { kind: "lasts"; days: number; unitsPerDay: number };

/**
 * `completeDays`: units used per day, oldest first, ending yesterday (at most
 * the window's last FORECAST_WINDOW_DAYS count). `today`: units used so far today.
 */
export function forecast(completeDays: readonly bigint[], today: bigint, available: bigint): Forecast {
  const window = completeDays.slice(-FORECAST_WINDOW_DAYS);
  let weighted = 0;
  let weights = 0;
  // Days missing at the start of a young account are not zero-usage days: weigh only the days there are.
  window.forEach((used, index) => {
    const age = window.length - 1 - index; // 0 = yesterday
    const weight = Math.pow(0.5, age / HALF_LIFE_DAYS);
    weighted += Number(used) * weight;
    weights += weight;
  });
  let unitsPerDay = weights > 0 ? weighted / weights : 0;
  if (unitsPerDay === 0 && today > 0n) unitsPerDay = Number(today);
  if (unitsPerDay === 0) return { kind: "no-usage" };
  const left = available > 0n ? Number(available) : 0;
  return { kind: "lasts", days: Math.floor(left / unitsPerDay), unitsPerDay };
}
