/**
 * Returns `n + 1` increasing values from `from` to `to` whose spacing is inversely proportional to `density`,
 * by inverting the numerically integrated cumulative density.
 */
export function distribute(n: number, from: number, to: number, density: (x: number) => number): number[] {
  const steps = 4096;
  const cumulative = [0];
  for (let i = 1; i <= steps; i++) {
    const x = from + ((to - from) * (i - 0.5)) / steps;
    cumulative.push(cumulative[i - 1]! + density(x));
  }
  const total = cumulative[steps]!;
  const out: number[] = [];
  let j = 0;
  for (let k = 0; k <= n; k++) {
    const target = (total * k) / n;
    while (j < steps && cumulative[j + 1]! < target) j++;
    const span = cumulative[j + 1]! - cumulative[j]! || 1;
    const t = Math.min(1, (target - cumulative[j]!) / span);
    out.push(from + ((to - from) * (j + t)) / steps);
  }
  out[0] = from;
  out[n] = to;
  return out;
}

/** Moves the value nearest to `x` onto `x` exactly; returns its index. */
export function snap(values: number[], x: number): number {
  let best = 0;
  values.forEach((v, i) => {
    if (Math.abs(v - x) < Math.abs(values[best]! - x)) best = i;
  });
  values[best] = x;
  return best;
}

/** Linear interpolation into a table of increasing samples at a fractional index. */
export function sampleTable(values: readonly number[], index: number): number {
  const i = Math.max(0, Math.min(values.length - 2, Math.floor(index)));
  const t = index - i;
  return values[i]! + (values[i + 1]! - values[i]!) * t;
}
