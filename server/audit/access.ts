import type { Principal } from '../auth/principal';

/** Who may read the audit trail and the actors in a feature's history (issue 13): regulators and administrators. */
export const mayReadAudit = (p: Principal): boolean => p.role === 'regulator' || p.role === 'admin';
