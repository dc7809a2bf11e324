import type { RequestHandler } from 'express';
import { requireAdmin } from '../http/auth';
import { ANONYMOUS, principalOf, type Principal } from '../auth/principal';

/** Who may read the audit trail and the actors in a feature's history (issue 13): regulators and administrators. */
export const mayReadAudit = (p: Principal): boolean => p.role === 'regulator' || p.role === 'admin';

/**
 * On a read route: a request that carries credentials and has no principal yet is authenticated with the
 * bootstrap admin token (a wrong one is 401); a request without credentials stays anonymous.
 * (Accounts and sessions set the principal before this runs and make it a no-op.)
 */
export function identifyOnRead(adminToken: string): RequestHandler {
  const admin = requireAdmin(adminToken);
  return (req, res, next) => {
    if (principalOf(req) !== ANONYMOUS || !req.get('authorization')) return next();
    admin(req, res, next);
  };
}
