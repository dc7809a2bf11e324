/**
 * Whether an agreement or a written commitment on file counts on a day, as the conflict check reads it — pure, no I/O.
 * The API answers it as `in_force` (judged today, China time), as register flags carry theirs (service.ts `inForce`),
 * so the page shows what the check applies instead of deciding it again.
 */
import { todayInChina } from '../conflicts/subject';
import { compareDates, type IsoDate } from '../rules/dates';

type Term = { valid_from: IsoDate; valid_to: IsoDate | null; withdrawn_at: string | null };

/** `day` within a term from … to, both days included; open-ended when `to` is null (flags, agreements, commitments). */
export const withinTerm = (from: IsoDate, to: IsoDate | null, day: IsoDate) =>
  compareDates(from, day) <= 0 && (to === null || compareDates(to, day) >= 0);

/** Not withdrawn, and `day` within valid_from … valid_to. */
const holds = (r: Term, day: IsoDate) => !r.withdrawn_at && withinTerm(r.valid_from, r.valid_to, day);

/**
 * An agreement in force on `day`: what sql/queries/conflicts_agreements.sql keeps (CTE `agr`) for a check judged on
 * that day against the register as it stands — valid_from ≤ day ≤ valid_to (open when null), not withdrawn.
 */
export const agreementInForce = (a: Term, day: IsoDate = todayInChina()) => holds(a, day);

/**
 * A commitment in force on `day`: what sql/queries/conflicts_commitments.sql keeps (CTE `cmt`: valid_from ≤ day ≤
 * valid_to, open when null; not withdrawn), and only while its red line is proposed — the check applies a commitment
 * to an overlap whose outcome is keep_with_commitment (conflicts/commitments.ts `splitByCommitment`), which only a
 * proposed red line gets (PA-5, conflicts/outcomes.ts `redlineOutcome`): an official red line is deducted whatever was
 * committed (PA-4), and a red line no longer on the register (status null) has no overlap to cover.
 */
export const commitmentInForce = (c: Term & { redline_status: string | null }, day: IsoDate = todayInChina()) =>
  c.redline_status === 'proposed' && holds(c, day);
