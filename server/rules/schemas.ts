/**
 * zod schemas for rule inputs, so the HTTP layer can answer 422 naming the offending field
 * (issue.path), and the exported TypeScript types derived from them.
 */
import { z } from 'zod';
import { REGIME_IDS } from './regimes';

const km2 = z.number().finite().min(0, 'must be ≥ 0 km²');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const ratio01 = z.number().finite().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');

export const regimeIdSchema = z.enum(REGIME_IDS);

/** How the right was obtained: 挂牌 listing, 招标 tender, 拍卖 auction, 协议 agreement, 行政审批 administrative, 增列 coal-right addition. */
export const acquisitionMethodSchema = z.enum(['listing', 'tender', 'auction', 'agreement', 'administrative', 'coal_addition', 'other']);

/**
 * Contract parameters (R-RED-7, R-RED-4/5, R-RED-2): where sources disagree the contract decides.
 * Defaults are the readings listed in extension.ts (AND exemption, 50% refusal, licensed-area base).
 */
export const extensionContractSchema = z.object({
  /** Explicit exemption decision; when given it overrides the computed one (R-RED-7). */
  exempt: z.boolean().optional(),
  /** 'and' = 273号令 第十五条 (signed AND completed AND paid); 'or' = 晋自然资发〔2020〕11号 四（三） ((signed AND completed) OR paid, first extension only). Default 'and'. */
  exemption_reading: z.enum(['and', 'or']).optional(),
  /** A transfer contract (出让合同) has been signed. */
  signed: z.boolean().optional(),
  /** The committed investment (承诺投入) has been completed. */
  committed_investment_completed: z.boolean().optional(),
  /** 矿业权出让收益 has been paid as agreed. */
  income_paid: z.boolean().optional(),
  /**
   * Contract terms on the committed investment (承诺投入) — 晋自然资发〔2020〕11号 四（三）: “未完成承诺投入的，按照合同约定
   * 核减面积；完成承诺投入不足 30% 的，按照合同约定不予延续登记” (000:L4266). These are the contract's terms, not a
   * statutory band: the share of the committed investment completed, the cut the contract sets, and the completed
   * share below which the contract refuses the extension (default 0.3, the figure 11号 names).
   */
  committed_completion_ratio: ratio01.optional(),
  contract_reduction_ratio: ratio01.optional(),
  contract_refusal_completion_below: ratio01.optional(),
  /** 'licensed' = 勘查许可证载明面积 (11号 四 formula, default for shanxi/national-2023); 'first_registration' = 首次登记面积 (273号令 第十五条 literal; default for national-2019). */
  base_reading: z.enum(['licensed', 'first_registration']).optional(),
  /** A reduction ratio agreed in an existing transfer contract, which prevails (“探矿权出让合同已有约定的，按照合同执行”). */
  agreed_reduction_ratio: ratio01.optional(),
});

export const extensionInputSchema = z
  .object({
    regime: regimeIdSchema,
    licensed_area_km2: km2,
    first_registration_area_km2: km2.optional(),
    proven_reserve_area_km2: km2,
    /** Unfinished share u of the minimum exploration investment, 0..1 (R-RED-4). */
    unfinished_ratio: ratio01,
    acquisition_method: acquisitionMethodSchema.optional(),
    contract: extensionContractSchema.optional(),
    deep_or_upper_of_own_mining_right: z.boolean().optional(),
    force_majeure_area_km2: km2.optional(),
    /** Cumulative years the right had existed on 2020-05-01 (R-VAL-4 legacy > 15 years). */
    years_existing: z.number().finite().min(0).optional(),
    /** Extensions already granted under the regime (R-VAL-3: at most 2 in Shanxi). */
    extensions_used: z.number().int().min(0).optional(),
    /** Current licence expiry (YYYY-MM-DD); with application_date checks the 30-day rule (R-VAL-2) and gives the new term. */
    valid_to: isoDate.optional(),
    /** Day the extension application is (to be) filed. */
    application_date: isoDate.optional(),
    /** Day proven geological reserves were submitted (R-VAL-6: mining application within 3 years). */
    proven_reserves_submitted_date: isoDate.optional(),
    /** A mining-registration application has been filed (does NOT satisfy R-VAL-6: 273号令 第二十一条 says 完成转采登记). */
    mining_application_filed: z.boolean().optional(),
    /** The conversion to a mining registration has been completed (完成转采登记, satisfies R-VAL-6). */
    mining_registration_completed: z.boolean().optional(),
    /**
     * Day a conversion (探转采) application was submitted, from the applications register (issue 14 item 2): one
     * submitted, accepted or approved — not refused or withdrawn. Submitted by the R-VAL-6 last day, it satisfies
     * R-VAL-6 (273号令 第二十一条 “应当在3年内申请采矿登记”; 合同示范文本 第十二条(七) “未在 3 年内办理采矿登记”).
     */
    conversion_applied_on: isoDate.optional(),
    /**
     * R-VAL-5 (晋自然资发〔2020〕11号 二, 000:L4250): a Shanxi CBM licence ending before 2020-05-01 extends by the holder's
     * choice: '5y' under 273号令 (default) or '2y' under the old rule (晋国土资函〔2016〕348号: cut by the unfinished ratio).
     */
    shanxi_legacy_term: z.enum(['5y', '2y']).optional(),
    /**
     * Disputed reading (shanxi-cbm-2020 after 2023-07-26): 'provincial-25' (default) keeps 273号令's 25%; 'national-20'
     * applies 自然资规〔2023〕6号 七 (20%), which says earlier conflicting documents yield to it (001:L10579).
     */
    shanxi_rate_reading: z.enum(['provincial-25', 'national-20']).optional(),
  })
  .superRefine((v, ctx) => {
    // zod 4 runs refinements after non-fatal field issues: only compare well-formed areas.
    if (!(v.licensed_area_km2 >= 0)) return;
    if (v.proven_reserve_area_km2 > v.licensed_area_km2 && v.first_registration_area_km2 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['proven_reserve_area_km2'], message: 'proven-reserve area exceeds the licensed area' });
    }
    if (v.force_majeure_area_km2 !== undefined && v.force_majeure_area_km2 > v.licensed_area_km2) {
      ctx.addIssue({ code: 'custom', path: ['force_majeure_area_km2'], message: 'force-majeure area exceeds the licensed area' });
    }
  });

export type ExtensionInput = z.infer<typeof extensionInputSchema>;

/** Parse an extension input; on failure the result lists each field path and message (for a 422). */
export function parseExtensionInput(
  raw: unknown,
): { ok: true; value: ExtensionInput } | { ok: false; issues: { field: string; message: string }[] } {
  const r = extensionInputSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message })) };
}
