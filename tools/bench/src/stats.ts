export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const count = (value: number): string => value.toLocaleString('en-US');
export const secondsText = (value: number): string => `${value.toFixed(2)} s`;
export const mbText = (value: number): string => `${value.toFixed(0)} MB`;
export const ratioText = (value: number): string => `${value.toFixed(2)}×`;

/** `min – max` of the values, each formatted. */
export const spread = (values: readonly number[], format: (value: number) => string): string =>
  `${format(Math.min(...values))} – ${format(Math.max(...values))}`;
