/**
 * One machine-readable line per benchmark target, collected by run-all.ts into the closing summary
 * table of `npm run bench`: issue, what is measured, the measured value, the target and the verdict.
 */
export const SUMMARY_PREFIX = 'bench-summary\t';

/** Prints the line; `met` null = reported without a target. */
export function summaryLine(issue: string, what: string, measured: string, target: string, met: boolean | null): void {
  console.log(`${SUMMARY_PREFIX}${[issue, what, measured, target, met === null ? '-' : met ? 'met' : 'NOT met'].join('\t')}`);
}
