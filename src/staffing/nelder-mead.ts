/**
 * Nelder–Mead simplex minimisation over unconstrained parameters (callers map them into their
 * valid ranges). Enough for the handful of smoothing parameters a Holt-Winters fit has.
 */
export function minimise(objective: (x: number[]) => number, start: number[], iterations = 300, step = 0.5): number[] {
  const dim = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((point) => ({
    point,
    value: objective(point),
  }));
  const combine = (a: number[], b: number[], t: number): number[] => a.map((v, i) => v + t * (b[i]! - v));
  for (let iter = 0; iter < iterations; iter++) {
    simplex.sort((p, q) => p.value - q.value);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    if (Math.abs(worst.value - best.value) <= 1e-10 * (Math.abs(best.value) + 1e-12)) break;
    const centroid = start.map((_, i) => simplex.slice(0, dim).reduce((s, p) => s + p.point[i]!, 0) / dim);
    const reflected = combine(centroid, worst.point, -1);
    const reflectedValue = objective(reflected);
    if (reflectedValue < best.value) {
      const expanded = combine(centroid, worst.point, -2);
      const expandedValue = objective(expanded);
      simplex[dim] = expandedValue < reflectedValue ? { point: expanded, value: expandedValue } : { point: reflected, value: reflectedValue };
    } else if (reflectedValue < simplex[dim - 1]!.value) {
      simplex[dim] = { point: reflected, value: reflectedValue };
    } else {
      const contracted = combine(centroid, worst.point, 0.5);
      const contractedValue = objective(contracted);
      if (contractedValue < worst.value) {
        simplex[dim] = { point: contracted, value: contractedValue };
      } else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const point = combine(best.point, p.point, 0.5);
          return { point, value: objective(point) };
        });
      }
    }
  }
  simplex.sort((p, q) => p.value - q.value);
  return simplex[0]!.point;
}
