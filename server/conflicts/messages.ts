/**
 * The sentences of the conflict engine, in both languages: how a rule was applied (basis notes) and
 * the check's warnings. Codes are stable; the page keys on them or shows `message_zh` / `message`.
 */
import { defineMessages, type Message } from '../i18n/message';
import { BLOCK_STATUSES, OUTCOMES, PA_ZONES, REDLINE_STATUSES, REGIMES, RIGHT_FLAG_KINDS, label, labelAny } from '../vocab';

const ZONE_UNKNOWN_EN = ' (zone not recorded: judged as core protection zone)';
const ZONE_UNKNOWN_ZH = '（未记录分区，按核心保护区判断）';
type Zoned = { zone_unknown: boolean };
type ReserveNote = { block_id: string | null; note: string | null; note_zh: string | null };
const zEn = (p: Zoned) => (p.zone_unknown ? ZONE_UNKNOWN_EN : '');
const zZh = (p: Zoned) => (p.zone_unknown ? ZONE_UNKNOWN_ZH : '');

export const CONFLICT_SAY = defineMessages({
  VOID_AFTER_EXPIRY: {
    en: (p: { valid_to: string; as_of: string }) =>
      `reading void_reading = "after_expiry" (default; 273号令 第十五条 “自行废止”): the other right's term ended on ${p.valid_to} (before ${p.as_of}) and no extension is recorded; with "after_annulment" it would still bar until publicly annulled (自然资规〔2023〕4号 四（十八）)`,
    zh: (p: { valid_to: string; as_of: string }) =>
      `解读“期满次日即失效”（默认；273号令 第十五条“自行废止”）：对方矿业权有效期已于 ${p.valid_to} 届满（早于 ${p.as_of}）且无延续记录；若取“公告废止后方失效”的解读，则在公告注销前仍构成限制（自然资规〔2023〕4号 四（十八））`,
  },
  VOID_AFTER_ANNULMENT: {
    en: (p: { valid_to: string }) =>
      `reading void_reading = "after_annulment": the term ended on ${p.valid_to} but the right is not annulled or cancelled on record, so it still bars; set void_reading = "after_expiry" to treat it as void`,
    zh: (p: { valid_to: string }) =>
      `解读“公告废止后方失效”：对方矿业权有效期已于 ${p.valid_to} 届满，但登记库中未公告废止或注销，仍构成限制；取“期满次日即失效”的解读则视为失效`,
  },
  EXISTING_OVERLAP_AT_EXTENSION: {
    en: () => 'an overlap between two existing rights found at extension: a register problem to resolve, not an area to deduct',
    zh: () => '延续时发现的已设矿业权之间的重叠：属登记问题，须核实处理，不作扣除',
  },
  NATIONAL_NEW_RIGHT: {
    en: (p: { kind: string; code: string; regime: string }) =>
      `${p.kind === 'redline' ? `${label(REDLINE_STATUSES, p.code, 'en')} red line` : labelAny(p.code, 'en')} inside a new right under ${p.regime} (自然资规〔2023〕6号 三)`,
    zh: (p: { kind: string; code: string; regime: string }) =>
      `${p.kind === 'redline' ? `${label(REDLINE_STATUSES, p.code, 'zh')}生态保护红线` : labelAny(p.code, 'zh')}位于新立矿业权范围内（${label(REGIMES, p.regime, 'zh')}，自然资规〔2023〕6号 三）`,
  },
  NATIONAL_EXTENSION_DEDUCT: {
    en: (p: { kind: string; code: string; regime: string }) =>
      `reading national_extension_protected = "deduct": ${p.kind === 'redline' ? 'red line' : labelAny(p.code, 'en')} deducted at extension under ${p.regime} although no national rule in the sources says so`,
    zh: (p: { kind: string; code: string; regime: string }) =>
      `解读“延续时扣除”：延续时扣除${p.kind === 'redline' ? '生态保护红线' : labelAny(p.code, 'zh')}（${label(REGIMES, p.regime, 'zh')}），但所依据文件中无全国性规定`,
  },
  NATIONAL_EXTENSION_REVIEW: {
    en: (p: { kind: string; code: string; regime: string }) =>
      `reading national_extension_protected = "review" (default): ${p.kind === 'redline' ? 'red line' : labelAny(p.code, 'en')} at extension under ${p.regime} — no national rule in the sources deducts it; flagged for the registry, not deducted`,
    zh: (p: { kind: string; code: string; regime: string }) =>
      `解读“延续时提请核实”（默认）：延续时涉及${p.kind === 'redline' ? '生态保护红线' : labelAny(p.code, 'zh')}（${label(REGIMES, p.regime, 'zh')}），所依据文件中无扣除的全国性规定；提请登记机关核实，不扣除`,
  },
  OG_REDLINE_KEEP: {
    en: () =>
      'reading oil_gas_redline_extension = "keep": continued exploration without enlargement (a national notice outside the seed texts)',
    zh: () => '解读“保留”：可继续勘查、不得扩大（依据为种子文件以外的全国性通知）',
  },
  OG_REDLINE_DEDUCT: {
    en: () =>
      'reading oil_gas_redline_extension = "deduct": official red line deducted at extension although no national rule in the sources says so',
    zh: () => '解读“扣除”：延续时扣除已划定生态保护红线，但所依据文件中无全国性规定',
  },
  OG_REDLINE_REVIEW: {
    en: () =>
      'reading oil_gas_redline_extension = "review" (default): official red line at the extension of an oil/gas exploration right — no rule in the sources; 自然资发〔2022〕142号 (outside the seeds) allows continued exploration; flagged, not deducted',
    zh: () =>
      '解读“提请核实”（默认）：油气探矿权延续涉及已划定生态保护红线——所依据文件中无规定；自然资发〔2022〕142号（种子文件以外）允许继续勘查；提请核实，不扣除',
  },
  // ---- rights over rights
  OTHER_RIGHT_ENDED: {
    en: (p: { status: string }) => `the other right is ${label(BLOCK_STATUSES, p.status, 'en')}; it no longer bars the application`,
    zh: (p: { status: string }) => `对方矿业权${label(BLOCK_STATUSES, p.status, 'zh')}，不再构成限制`,
  },
  OTHER_RIGHT_TERM_ENDED: {
    en: (p: { valid_to: string; as_of: string }) =>
      `the other right's term ended on ${p.valid_to} (before ${p.as_of}) and no extension is recorded`,
    zh: (p: { valid_to: string; as_of: string }) => `对方矿业权有效期已于 ${p.valid_to} 届满（早于 ${p.as_of}），且无延续记录`,
  },
  NO_APPLICANT_OTHER_HOLDER: {
    en: () => 'no applicant given: the other right is treated as another holder’s',
    zh: () => '未提供申请人：对方矿业权按他人矿业权处理',
  },
  OIL_GAS_OVER_OIL_GAS: {
    en: () => 'oil/gas (incl. CBM, tight and shale gas) over oil/gas of another holder',
    zh: () => '油气（含煤层气、致密气、页岩气）与他人油气矿业权重叠',
  },
  NON_OIL_GAS_OVERLAP: {
    en: () => 'non-oil/gas over non-oil/gas is not among the exceptions',
    zh: () => '非油气与非油气矿业权重叠，不属除外情形',
  },
  CBM_AGAINST_COAL: {
    en: () => 'CBM against coal: the coal holder’s consent letter or a bilateral agreement; gas first, then coal in the overlap',
    zh: () => '煤层气与煤炭重叠：须煤炭矿业权人出具同意函或双方签订协议；重叠区先采气、后采煤',
  },
  NEW_MINING_OTHER_CLASS: {
    en: () => 'a new mining right over an existing right of the other mineral class',
    zh: () => '新立采矿权与已设的另一类（油气/非油气）矿业权重叠',
  },
  // ---- containment
  RTP_OUTSIDE_EXPLORATION: {
    en: () => 'the part of the production area outside the exploration block',
    zh: () => '开采范围超出探矿权范围的部分',
  },
  MINING_OUTSIDE_EXPLORATION: {
    en: () => 'the part of the mining application outside the applicant’s exploration block',
    zh: () => '采矿权申请范围超出申请人所持探矿权范围的部分',
  },
  OUTSIDE_REGISTERED_AREA: {
    en: () => 'the part of the mining-extension area outside the registered area',
    zh: () => '采矿权延续范围超出原登记范围的部分',
  },
  OUTSIDE_PROVINCE: {
    en: () => 'province-registered CBM: the part outside Shanxi cannot be registered by the province',
    zh: () => '省级登记的煤层气矿业权：山西省界以外部分不能由省厅登记',
  },
  // ---- protected areas and red lines
  NO_MINING_AT_EXTENSION: {
    en: () => 'at extension the no-mining zone is deducted like any protected area',
    zh: () => '延续时禁采区与其他保护地一样扣除',
  },
  PROTECT_NOT_DEDUCT: {
    en: () => 'not deducted: protected by its competent department; the holder must avoid and protect it',
    zh: () => '不扣除：由主管部门监管保护，矿业权人须避让保护',
  },
  NEW_RIGHT_NOT_EXISTING: {
    en: (p: Zoned) => `a new right is not an existing right${zEn(p)}`,
    zh: (p: Zoned) => `新立矿业权不属于已依法设立的矿业权${zZh(p)}`,
  },
  NEW_PRODUCTION_IN_RESERVE: {
    en: (p: Zoned) =>
      `new production (探转采/report-then-produce) in a nature reserve is not approved during the transition; the area may be registered separately later${zEn(p)}`,
    zh: (p: Zoned) => `过渡期间，自然保护区内新的探转采或报告后开采不予许可，该区域今后可单独登记${zZh(p)}`,
  },
  EXPLORATION_MAY_CONTINUE: {
    en: (p: Zoned & { zone: string }) => `existing exploration may continue in the ${label(PA_ZONES, p.zone, 'en')}${zEn(p)}`,
    zh: (p: Zoned & { zone: string }) => `已设探矿权可在${label(PA_ZONES, p.zone, 'zh')}继续勘查${zZh(p)}`,
  },
  NOT_DEDUCTED_IN_TRANSITION: {
    en: () => 'not deducted during the 三区→两区 transition',
    zh: () => '三区→两区过渡期间不扣除',
  },
  MINING_MAY_CONTINUE_GENERAL: {
    en: () => 'existing mining may continue in the general control zone without enlarging the production area',
    zh: () => '已设采矿权可在一般控制区继续开采，但不得扩大生产区域范围',
  },
  NO_MINING_IN_CORE: {
    en: (p: Zoned) => `mining may not continue in the core protection zone${zEn(p)}`,
    zh: (p: Zoned) => `核心保护区内不得继续开采${zZh(p)}`,
  },
  MAY_REGISTER_SEPARATELY: {
    en: () => 'the company may apply to register the area separately',
    zh: () => '企业可申请对该区域单独登记',
  },
  REDLINE_IN_NEW_RIGHT: {
    en: (p: { status: string }) => `${label(REDLINE_STATUSES, p.status, 'en')} red line inside a new right`,
    zh: (p: { status: string }) => `新立矿业权范围内的${label(REDLINE_STATUSES, p.status, 'zh')}生态保护红线`,
  },
  REDLINE_KEPT_ON_COMMITMENT: {
    en: () => 'kept on a written commitment not to work inside it; without the commitment it is deducted (PA-4)',
    zh: () => '书面承诺不在其范围内作业后暂不扣除；无承诺则扣除（PA-4）',
  },
  REDLINE_OFFICIAL: {
    en: () => 'official red line',
    zh: () => '正式划定的生态保护红线',
  },
  REDLINE_CHANGE_REGISTRATION: {
    en: () => 'an officially delineated red line leaves the right by change registration',
    zh: () => '正式划定的生态保护红线通过变更登记退出矿业权',
  },
  // ---- wells and pipelines
  WELL_SEVERAL_CLASSES: {
    en: () => 'in several classes: the most protective (ecologically sensitive > coal district) is applied',
    zh: () => '同时属于多类区域：按最严格者处置（生态敏感区 > 煤矿区）',
  },
  WELL_INACTIVE_TO_ABANDONED: {
    en: () => 'inactive for 5 years or more: converted to abandoned',
    zh: () => '长停五年及以上：转为废弃井',
  },
  WELL_DISPOSAL_DEADLINE: {
    en: (p: { since: string; deadline: string; passed: boolean }) =>
      `abandoned or long-inactive since ${p.since}, before DB14/T 2053—2020 took effect (2020-09-10): to be disposed of within two years of its publication (2020-06-10), i.e. by ${p.deadline}${p.passed ? ' — that deadline has passed' : ''}`,
    zh: (p: { since: string; deadline: string; passed: boolean }) =>
      `自 ${p.since} 起已废弃或长停，早于 DB14/T 2053—2020 实施（2020-09-10）：应在该标准发布（2020-06-10）后两年内，即 ${p.deadline} 前处置完毕${p.passed ? '——该期限已过' : ''}`,
  },
  WELL_DISPOSAL_TIMELY: {
    en: (p: { since: string }) =>
      `abandoned or long-inactive since ${p.since}, after DB14/T 2053—2020 took effect: the standard only says “及时处置” (promptly) and sets no number of days, so no deadline is computed`,
    zh: (p: { since: string }) => `自 ${p.since} 起废弃或长停，晚于 DB14/T 2053—2020 实施：标准仅要求“及时处置”，未规定天数，故不计算期限`,
  },
  WELL_DISPOSAL_DATE_UNKNOWN: {
    en: () =>
      'the date the well was abandoned or stopped is not recorded: if before 2020-09-10 (DB14/T 2053—2020 in force) it had to be disposed of by 2022-06-10 (two years after publication), otherwise “及时处置” (promptly, no number of days) — record the date to know which',
    zh: () =>
      '未登记该井废弃或停产的日期：如早于 2020-09-10（DB14/T 2053—2020 实施），应在 2022-06-10（发布后两年）前处置完毕，否则应“及时处置”（未规定天数）——请登记日期以确定适用哪一种',
  },
  WELL_OF_OTHER_HOLDER: {
    en: (p: { holder: string }) => `well of ${p.holder} inside the area`,
    zh: (p: { holder: string }) => `区内有${p.holder}的井`,
  },
  PIPELINE_CROSSES: {
    en: (p: { crossed: string }) => `crosses ${p.crossed} inside the area`,
    zh: (p: { crossed: string }) => `在区内穿越保护地 ${p.crossed.split(', ').join('、')}`,
  },
  RESERVE_OF_BLOCK: {
    en: (p: ReserveNote) => `reserve of block ${p.block_id ?? '?'}: ${p.note ?? 'the outcome of that right'}`,
    zh: (p: ReserveNote) => `属于区块 ${p.block_id ?? '?'} 的储量：${p.note_zh ?? '按该矿业权的结论'}`,
  },
  // ---- warnings of a check
  CONTAINMENT_NOT_CHECKED: {
    en: (p: { outcome: string }) => `No block_id given: containment (${label(OUTCOMES, p.outcome, 'en')}) was not checked`,
    zh: (p: { outcome: string }) => `未指定所依据的区块，未检查范围包含（${label(OUTCOMES, p.outcome, 'zh')}）`,
  },
  PROVINCE_NOT_LOADED: {
    en: (p: { province: string }) => `The boundaries layer holds no province named ${p.province}: the provincial border was not checked`,
    zh: (p: { province: string }) => `行政区划图层中没有${p.province}，未检查跨省界`,
  },
  APPLICANT_UNKNOWN: {
    en: () => 'No applicant given: no right is judged same-holder and wells are not judged by holder',
    zh: () => '未提供申请人：不判断同一权利人，也不按权属判断井',
  },
  PA4_PA7_VERSIONS: {
    en: () =>
      'Nature reserves at extension follow the 2020-07-27 letter (PA-7, not deducted during the zoning transition) over 11号 item 10 (PA-4)',
    zh: () => '延续时自然保护区按 2020-07-27 函处理（PA-7，过渡期不扣除），而非 11号文第十条（PA-4）',
  },
  // ---- records on file (issue 14 items 5 and 6)
  AGREEMENT_COVERS: {
    en: (p: { documents: string; covered: string; overlap: string; terms: string; terms_zh: string }) =>
      `agreement on file (${p.documents}) covers ${p.covered} km² of this ${p.overlap} km² overlap${p.terms ? `; terms: ${p.terms}` : ''}`,
    zh: (p: { documents: string; covered: string; overlap: string; terms: string; terms_zh: string }) =>
      `在案协议（${p.documents}）覆盖本处重叠 ${p.overlap} km² 中的 ${p.covered} km²${p.terms_zh ? `；约定：${p.terms_zh}` : ''}`,
  },
  AGREEMENT_REMAINDER: {
    en: (p: { documents: string; remaining: string; overlap: string }) =>
      `the agreement on file (${p.documents}) does not cover this part: ${p.remaining} km² of the ${p.overlap} km² overlap still needs an agreement`,
    zh: (p: { documents: string; remaining: string; overlap: string }) =>
      `在案协议（${p.documents}）未覆盖此部分：重叠 ${p.overlap} km² 中仍有 ${p.remaining} km² 须另行签订协议`,
  },
  COMMITMENT_COVERS: {
    en: (p: { documents: string; covered: string; overlap: string }) =>
      `written commitment on file (${p.documents}) covers ${p.covered} km² of this ${p.overlap} km² overlap with a proposed red line: not deducted for now, no works inside it, change registration once it is officially delineated`,
    zh: (p: { documents: string; covered: string; overlap: string }) =>
      `在案书面承诺（${p.documents}）覆盖本处与拟划生态保护红线重叠 ${p.overlap} km² 中的 ${p.covered} km²：暂不扣减，不在其内开展作业，红线正式划定后办理变更登记`,
  },
  COMMITMENT_REMAINDER: {
    en: (p: { documents: string; remaining: string; overlap: string }) =>
      `the commitment on file (${p.documents}) does not cover this part: ${p.remaining} km² of the ${p.overlap} km² overlap is kept only on a further written commitment, else deducted`,
    zh: (p: { documents: string; remaining: string; overlap: string }) =>
      `在案书面承诺（${p.documents}）未覆盖此部分：重叠 ${p.overlap} km² 中仍有 ${p.remaining} km² 须另行书面承诺，否则扣减`,
  },
  OVERLAPS_FLAGGED_RIGHT: {
    en: (p: { id: string; kind: string; document_no: string; authority: string }) =>
      `The input overlaps right ${p.id}, which is under ${label(RIGHT_FLAG_KINDS, p.kind, 'en')} (${p.document_no}, ${p.authority})`,
    zh: (p: { id: string; kind: string; document_no: string; authority: string }) =>
      `申请范围与处于${label(RIGHT_FLAG_KINDS, p.kind, 'zh')}状态的矿业权 ${p.id} 重叠（${p.document_no}，${p.authority}）`,
  },
  SUBJECT_FLAGGED: {
    en: (p: { id: string; kind: string; document_no: string; authority: string }) =>
      p.kind === 'seizure'
        ? `Right ${p.id} is seized (${p.document_no}, ${p.authority}): it cannot be transferred or reduced until the seizure is released`
        : `Right ${p.id} is mortgaged (${p.document_no}, ${p.authority}): a transfer needs the mortgagee's consent`,
    zh: (p: { id: string; kind: string; document_no: string; authority: string }) =>
      p.kind === 'seizure'
        ? `矿业权 ${p.id} 已被查封（${p.document_no}，${p.authority}）：解封前不得转让或缩减`
        : `矿业权 ${p.id} 处于抵押状态（${p.document_no}，${p.authority}）：转让须经抵押权人同意`,
  },
  // ---- the overall verdict of a check (summary.ts checkVerdict): a preliminary reading, not a decision
  VERDICT_NOT_ACCEPTABLE: {
    en: (p: { n: number }) =>
      `Not acceptable as submitted: ${p.n} finding(s) may not stay in the application (another holder's right or reserves it may not overlap, or area outside the extent it must stay in); amend the extent and apply again`,
    zh: (p: { n: number }) => `按所报范围不予受理：${p.n} 处不得重叠的矿业权、储量或超出应在其内的范围；调整申请范围后重新申请`,
  },
  VERDICT_NOTHING_LEFT: {
    en: (p: { deductible: string }) => `Not acceptable: nothing is left of the application after deducting ${p.deductible} km²`,
    zh: (p: { deductible: string }) => `不予受理：扣除 ${p.deductible} km² 后申请范围已无剩余面积`,
  },
  VERDICT_DEDUCT: {
    en: (p: { n: number; deductible: string; net: string }) =>
      `Acceptable after deduction: ${p.n} protected area(s) or red line(s) must leave the application, ${p.deductible} km² in all, leaving ${p.net} km²`,
    zh: (p: { n: number; deductible: string; net: string }) =>
      `扣除后可受理：${p.n} 处保护地或生态保护红线须扣除，共 ${p.deductible} km²，扣除后净面积 ${p.net} km²`,
  },
  VERDICT_AGREEMENT: {
    en: (p: { n: number }) =>
      `Acceptable with an agreement or commitment: ${p.n} overlap(s) need the other holder's consent or a written commitment`,
    zh: (p: { n: number }) => `须协议或承诺后受理：${p.n} 处重叠须提交对方同意函、双方协议或书面承诺`,
  },
  VERDICT_REVIEW: {
    en: (p: { n: number }) => `To be reviewed: ${p.n} finding(s) no rule decides, or a check that could not run`,
    zh: (p: { n: number }) => `须核实：${p.n} 项无明确规定或未能检查的内容`,
  },
  VERDICT_CONDITIONS: {
    en: (p: { n: number }) =>
      `Acceptable with conditions: ${p.n} well(s), pipeline(s) or protected site(s) need protective measures or disposal, or overlaps follow the terms of an agreement on file`,
    zh: (p: { n: number }) => `附条件受理：${p.n} 处井、管线或保护对象须采取保护措施或处置，或重叠区按在案协议约定执行`,
  },
  VERDICT_ACCEPTABLE: {
    en: () => 'Acceptable: no overlap restricts the application (rights, reserves, protected areas, red lines, wells, pipelines)',
    zh: () => '可受理：未发现限制申请的重叠（矿业权、储量、保护地、生态保护红线、井、管线）',
  },
});

/** Two notes on one basis entry: `a; b`, codes joined with `+`. */
export function joinNotes(a: Message | undefined, b: Message): Message {
  if (!a) return b;
  return {
    code: `${a.code}+${b.code}`,
    params: { ...a.params, ...b.params },
    message: `${a.message}; ${b.message}`,
    message_zh: `${a.message_zh}；${b.message_zh}`,
  };
}
