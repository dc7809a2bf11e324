/**
 * Who may see which figures in a report. ROLE HOOK: the roles issue (investment figures only for the
 * roles allowed to see them) is not done yet, so every caller may see them today. When roles land,
 * decide here from the request's authenticated role and keep the report templates unchanged: they
 * print the investment section only when `investment` is true and say that it was withheld otherwise.
 */
export interface ReportVisibility {
  /** minimum / actual exploration investment and the shortfall arithmetic (contract and company figures) */
  investment: boolean;
}

export function reportVisibilityFor(_role: string | null): ReportVisibility {
  return { investment: true };
}
