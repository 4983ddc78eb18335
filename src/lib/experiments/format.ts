/** How the book prints experiment numbers: accuracies in percent with one decimal, ± the seeds' sd. */
export const percent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

export const meanSd = (mean: number, sd: number): string => `${(mean * 100).toFixed(1)} ± ${(sd * 100).toFixed(1)}`;

/** A signed difference in percentage points, with a real minus sign. */
export const points = (delta: number): string => `${delta < 0 ? '−' : '+'}${Math.abs(delta * 100).toFixed(1)}`;
