/**
 * Who may see which figures in a report, decided from the request's principal (server/auth/principal.ts).
 * Investment figures (the contract's minimum exploration investment and the company's actual spending)
 * are shown to administrators, regulators and the holder of the right itself; everyone else gets the
 * report without them and a note saying so. The templates print what `ReportVisibility` allows.
 */
import type { Principal } from '../auth/principal';

export interface ReportVisibility {
  /** minimum / actual exploration investment and the shortfall arithmetic (contract and company figures) */
  investment: boolean;
  /** the role the copy was made for (stated in the report when figures are withheld) */
  role: Principal['role'];
}

export function reportVisibilityFor(p: Pick<Principal, 'role' | 'holders'>, blockHolder: string | null): ReportVisibility {
  const investment =
    p.role === 'admin' || p.role === 'regulator' || (p.role === 'holder' && blockHolder !== null && p.holders.includes(blockHolder));
  return { investment, role: p.role };
}
