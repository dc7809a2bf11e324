/**
 * The block dossier PDF: gathers the register entry, history, conflicts (as an extension by the
 * holder), the stored-block assessment and the extension annex — the applicant's own retained polygon when an
 * application is named (application-annex.ts), else, when there is an area to relinquish, the planner's
 * candidate — signs the record, renders the HTML (block-html.ts) and attaches the signed record.
 */
import { z } from 'zod';
import { runCheck } from '../conflicts/engine';
import { buildSubject, type StoredBlock as SubjectBlock } from '../conflicts/subject';
import type { Db } from '../db';
import type { Principal } from '../auth/principal';
import { assessmentAsSeen, blockAsSeen } from '../auth/visibility';
import { notFound } from '../errors';
import { fromZod } from '../http/error-middleware';
import { ledgerFromRows, type OffsetRow } from '../lifecycle/ledger';
import { planForBlock } from '../lifecycle/plan-for-block';
import {
  assessStoredBlock,
  requiredFromAssessment,
  type InvestmentRow,
  type StoredBlock,
  type StoredBlockAssessment,
} from '../lifecycle/stored-block';
import { say } from '../i18n/message';
import { DECISIONS, label, type Lang } from '../vocab';
import { isoDate } from '../rules';
import type { AuthorityTree } from '../auth/scope';
import { applicantRetained } from './application-annex';
import { dossierHtml, type DossierRecord, type RegisterFlag } from './block-html';
import { flagsWithConsents } from '../records/service';
import { newCertificateId } from './certificates';
import { qrSvg, type Certificates } from './check-report';
import { buildCheckRecord } from './check-record';
import { checkModel } from './check-model';
import { footerHtml, txt } from './html';
import { REPORT_SAY } from './messages';
import { attachFile } from './pdf-attach';
import type { PdfRenderer } from './renderer';
import { SERVICE } from './service-info';
import { reportVisibilityFor } from './visibility';

export interface DossierDeps {
  db: Db;
  certs: Certificates;
  renderer: PdfRenderer;
}

export interface DossierRequest {
  id: string;
  lang: Lang;
  /** the query string: on, required_km2, candidate, application */
  query: unknown;
  /** who asks: decides whether investment figures are shown (visibility.ts) */
  principal: Principal;
  /** where certificates are verified: `${origin}/verify/{id}` */
  origin: string;
  /** may the caller see the block's confidential records (issue 13: holder, overseeing regulators, admins)? */
  mayReadConfidential?: (b: { holder: string | null; authority: string | null }) => boolean;
  /** the authority tree, to decide who may read an application named by `application` (application-annex.ts) */
  tree?: AuthorityTree;
}

const DossierQuery = z.object({
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  required_km2: z.coerce.number().positive().optional(),
  candidate: z.enum(['A', 'B', 'C']).default('A'),
  /** an extension/change application of this block: the annex shows its retained polygon instead of a candidate */
  application: z.string().trim().min(1).max(200).optional(),
});

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Why the annex names no area to relinquish, in words (the annex row says so rather than a bare dash); null when it
 * names one. `ledgerShown`: whether the caller may see the investment ledger the assessment's area derives from.
 */
export function requiredNote(required: number | null, ledgerShown: boolean, a: StoredBlockAssessment, lang: Lang): string | null {
  if (required !== null) return null;
  if (!ledgerShown) return txt(say(REPORT_SAY, 'ANNEX_REQUIRED_NOT_SHOWN'), lang);
  const ex = a.assessment;
  if (!ex) return txt(say(REPORT_SAY, 'ANNEX_REQUIRED_NO_ASSESSMENT'), lang);
  const due = a.offset_credit?.due_reduction_km2 ?? ex.reduction_km2;
  return txt(say(REPORT_SAY, 'ANNEX_REQUIRED_NONE', { decision: label(DECISIONS, ex.decision, lang), reduction: due.toFixed(4) }), lang);
}

export async function blockDossier(d: DossierDeps, r: DossierRequest): Promise<{ pdf: Buffer; filename: string; certificate_id: string }> {
  const { id, lang } = r;
  const q = DossierQuery.safeParse(r.query);
  if (!q.success) throw fromZod(q.error, 'REPORT_BAD_PARAMETER');
  const on = q.data.on ?? isoDate(new Date());
  const { db } = d;
  const block = (await db.named<StoredBlock & Record<string, unknown>>('lifecycle_block', [id])).rows[0];
  if (!block) throw notFound('block', id);
  // the applicant's own retained polygon (only for those who may read the application): refused before any work
  const applicant =
    q.data.application === undefined
      ? null
      : await applicantRetained(db, q.data.application, { principal: r.principal, tree: r.tree ?? new Map() }, id);
  const subj = (await db.named<SubjectBlock & { geometry: string }>('conflicts_subject_block', [id, null])).rows[0];
  const geometry = JSON.parse(subj.geometry);
  const [inv, offsets, history, version] = await Promise.all([
    db.named<InvestmentRow>('lifecycle_investments', [id]),
    db.named<OffsetRow>('offsets_for_block', [id]),
    db.named<Record<string, unknown>>('block_history', [id]),
    db.named<{ as_at: Date | string | null }>('register_version'),
  ]);
  const assessment = assessStoredBlock(block, inv.rows, ledgerFromRows(offsets.rows), on);
  const { subject, province_registered } = buildSubject({ application: 'extension', as_of: on }, subj);
  const check = await runCheck(db, { geometry, area_km2: Number(block.area_km2), subject, block_id: id, province_registered });

  // the roles that may see investment figures (server/report/visibility.ts), narrowed by the authority rule when
  // authentication gives one (holder of the block, a regulator overseeing its authority, admin)
  const base = reportVisibilityFor(r.principal, (block.holder as string | null) ?? null);
  const visibility = {
    ...base,
    investment: r.mayReadConfidential
      ? r.mayReadConfidential({ holder: (block.holder as string | null) ?? null, authority: (block.authority as string | null) ?? null })
      : base.investment,
  };
  // one redaction for the API and the report (server/auth/visibility.ts): what GET /api/blocks/{id}/assessment
  // answers this caller is what the dossier prints and signs
  const shownAssessment = assessmentAsSeen(assessment, visibility.investment);
  // the annex: the planner's candidate for the area to relinquish (the request's, else the assessment's) —
  // the same candidates as the planner route and the candidate export (planForBlock)
  // (the assessment's area to relinquish derives from the investment ledger: only for those who may see it, as
  // POST /api/blocks/{id}/relinquishment-plans without required_km2)
  const ex = shownAssessment.assessment;
  let due: number | null = q.data.required_km2 ?? null;
  if (due === null && visibility.investment)
    try {
      due = requiredFromAssessment(assessment).required_km2;
    } catch {
      due = null; // no assessment, or nothing to relinquish: the annex lists the licensed area
    }
  const required = due;
  const annex: DossierRecord['annex'] = {
    required_km2: required,
    source: q.data.required_km2 !== undefined ? 'request' : required !== null ? 'assessment' : null,
    required_note: requiredNote(required, visibility.investment, assessment, lang),
    candidate: null,
    note: null,
  };
  if (applicant) {
    const { application, licensed_km2, retained_km2, relinquished_km2, retained, relinquished } = applicant;
    annex.applicant = { application, licensed_km2, retained_km2, relinquished_km2, retained, relinquished };
  } else if (required === null && !visibility.investment) {
    annex.note = txt(say(REPORT_SAY, 'ANNEX_REQUIRED_WITHHELD'), lang);
  } else if (required === null) {
    annex.note = txt(say(REPORT_SAY, 'ANNEX_NOTHING_TO_RELINQUISH', { decision: ex ? label(DECISIONS, ex.decision, lang) : '—' }), lang);
  } else {
    const plan = await planForBlock(db, id, { required_km2: required, on });
    const c = plan.candidates.find((x) => x.id === q.data.candidate) ?? plan.candidates[0];
    annex.candidate = {
      id: c.id,
      strategy: c.strategy,
      area_km2: c.area_km2,
      retained_area_km2: c.retained_area_km2,
      geometry: c.geometry,
      retained: c.retained,
      reasons: c.reasons,
    };
  }

  // the flags not released (public), a mortgage's consents to those who may read the right's confidential records
  // (visibility.investment is that permission: holder, overseeing regulators, admins)
  const flags: RegisterFlag[] = await flagsWithConsents(db, id, visibility.investment);

  const issued = new Date();
  const certificate_id = newCertificateId(issued);
  const key = await d.certs.signingKey();
  const verify_url = `${r.origin}/verify/${certificate_id}`;
  const record: DossierRecord = plain({
    type: 'kq.block-dossier',
    version: 1,
    certificate_id,
    issued_at: issued.toISOString(),
    service: SERVICE,
    register_as_at: version.rows[0]?.as_at ? new Date(version.rows[0].as_at).toISOString() : null,
    key_id: key.key_id,
    verify_url,
    as_of: on,
    block: { ...blockAsSeen(block, visibility.investment), geometry, area_km2: Number(block.area_km2) },
    history: history.rows,
    conflicts: { summary: check.summary, entries: check.conflicts.map(({ geometry: _g, ...rest }) => rest) },
    assessment: shownAssessment,
    visibility,
    flags,
    annex,
  } as DossierRecord);
  const env = await d.certs.sign(record as unknown as Record<string, unknown> & { certificate_id: string; issued_at: string });

  // conflict tables reuse the check report's model (with overlap geometries, not signed here)
  const model = checkModel(
    buildCheckRecord(
      {
        certificate_id,
        check_id: '',
        issued_at: record.issued_at,
        service: SERVICE,
        register_as_at: record.register_as_at,
        key_id: key.key_id,
        verify_url,
      },
      {
        subject,
        block_id: id,
        described: {
          format: 'register',
          crs: 4490,
          area_km2: Number(block.area_km2),
          geometry,
          parcels: [{ name: block.name, vertex_count: 0, area_km2: Number(block.area_km2) }],
          warnings: [],
        },
        result: check,
      },
    ),
  );
  const html = dossierHtml(record, model, lang, { certificate_id, key_id: key.key_id, verify_url, qr_svg: await qrSvg(verify_url) });
  const pdf = await d.renderer.pdf(html, {
    footerHtml: footerHtml(`${block.name} · ${lang === 'zh' ? '证书编号' : 'Certificate'} ${certificate_id}`),
  });
  const out = attachFile(pdf, {
    name: 'certificate.json',
    mimeType: 'application/json',
    data: Buffer.from(JSON.stringify(env), 'utf8'),
    description: 'Signed record (Ed25519)',
  });
  await d.certs.store('block-dossier', env);
  return { pdf: out, filename: `${lang === 'zh' ? '矿业权档案' : 'dossier'}-${block.name}-${certificate_id}.pdf`, certificate_id };
}
