/**
 * The sentences of applications (issue 14 item 1): refusals of the lifecycle and notes in the frozen snapshot and
 * the approval's register effect, in both languages. Vocabulary names come from server/vocab.
 */
import { AppError, type ErrorDetail } from '../errors';
import { defineMessages, say, type Message } from '../i18n/message';
import { APPLICATION_ACTIONS, APPLICATION_KINDS, APPLICATION_STATES, DECISIONS, label } from '../vocab';

const st = (s: string, lang: 'zh' | 'en') => label(APPLICATION_STATES, s, lang);
const kd = (s: string, lang: 'zh' | 'en') => label(APPLICATION_KINDS, s, lang);
const ac = (s: string, lang: 'zh' | 'en') => label(APPLICATION_ACTIONS, s, lang);

export const APPLICATION_SAY = defineMessages({
  ILLEGAL_TRANSITION: {
    en: (p: { id: string; action: string; state: string; allowed_from: string }) =>
      `Application ${p.id} is ${st(p.state, 'en')}: the step "${ac(p.action, 'en')}" is taken only from ${p.allowed_from
        .split(',')
        .map((s) => st(s, 'en'))
        .join(' or ')}`,
    zh: (p: { id: string; action: string; state: string; allowed_from: string }) =>
      `申请 ${p.id} 当前为“${st(p.state, 'zh')}”：“${ac(p.action, 'zh')}”只能在${p.allowed_from
        .split(',')
        .map((s) => `“${st(s, 'zh')}”`)
        .join('或')}状态下进行`,
  },
  NOT_A_DRAFT: {
    en: (p: { id: string; state: string }) => `Application ${p.id} is ${st(p.state, 'en')}: only a draft can be edited`,
    zh: (p: { id: string; state: string }) => `申请 ${p.id} 当前为“${st(p.state, 'zh')}”：只有草稿可以修改`,
  },
  CHANGED_MEANWHILE: {
    en: (p: { id: string }) => `Application ${p.id} was moved by someone else while this step ran; read it again and retry`,
    zh: (p: { id: string }) => `处理期间申请 ${p.id} 已被他人操作，请重新读取后重试`,
  },
  APPLICATION_NOT_FOUND: {
    en: (p: { id: string }) => `application '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到申请 '${p.id}'`,
  },
  FORBIDDEN_APPLICATION: {
    en: (p: { id: string }) =>
      `Application ${p.id} is visible to the applicant, its creator, the regulators overseeing its authority and administrators`,
    zh: (p: { id: string }) => `申请 ${p.id} 仅对申请人、创建人、有管辖权的登记机关和管理员可见`,
  },
  FORBIDDEN_STEP: {
    en: (p: { id: string; action: string; side: string }) =>
      `The step "${ac(p.action, 'en')}" on application ${p.id} is for ${p.side === 'applicant' ? 'the applicant (the holder applying or the creator of the application)' : 'a regulator whose authority oversees the application'} or an administrator`,
    zh: (p: { id: string; action: string; side: string }) =>
      `申请 ${p.id} 的“${ac(p.action, 'zh')}”须由${p.side === 'applicant' ? '申请人（申请的矿业权人或申请创建人）' : '对该申请有管辖权的登记机关'}或管理员操作`,
  },
  FORBIDDEN_APPLICANT: {
    en: (p: { applicant: string }) => `You do not act for '${p.applicant}': a holder applies for its own organisations' rights only`,
    zh: (p: { applicant: string }) => `您不代表“${p.applicant}”：矿业权人只能为本单位的矿业权提出申请`,
  },
  BLOCK_REQUIRED: {
    en: (p: { kind: string }) => `An application for ${kd(p.kind, 'en')} names the right concerned: give block_id`,
    zh: (p: { kind: string }) => `${kd(p.kind, 'zh')}申请须指明所涉矿业权：请给出 block_id`,
  },
  BLOCK_NOT_ALLOWED: {
    en: (p: { kind: string }) =>
      `An application for a ${kd(p.kind, 'en')} proposes a new right and names no block (a conversion of an exploration right is kind "conversion")`,
    zh: (p: { kind: string }) => `${kd(p.kind, 'zh')}申请为新设矿业权，不指明已有区块（探矿权转采矿权请用 kind "conversion"）`,
  },
  BLOCK_NOT_FOUND: {
    en: (p: { block: string }) => `Block '${p.block}' is not in the register`,
    zh: (p: { block: string }) => `登记库中没有区块“${p.block}”`,
  },
  CONVERSION_NEEDS_EXPLORATION: {
    en: (p: { block: string }) => `A conversion to mining starts from an exploration right; block ${p.block} is a mining right`,
    zh: (p: { block: string }) => `转采须基于探矿权；区块 ${p.block} 为采矿权`,
  },
  APPLICANT_NOT_HOLDER: {
    en: (p: { applicant: string; holder: string }) =>
      `The applicant '${p.applicant}' is not the holder of the block on record ('${p.holder}'): only the holder applies for its right`,
    zh: (p: { applicant: string; holder: string }) =>
      `申请人“${p.applicant}”不是登记的矿业权人（“${p.holder}”）：只有矿业权人可为其矿业权提出申请`,
  },
  APPLICANT_REQUIRED: {
    en: () => 'Name the applicant (a holder organisation as the register names it): give applicant',
    zh: () => '请给出申请人（登记库中的矿业权人单位名称）：applicant',
  },
  GEOMETRY_REQUIRED: {
    en: (p: { kind: string }) =>
      `An application for ${kd(p.kind, 'en')} carries its polygon (the area applied for; for a conversion the proposed mining area): give geometry`,
    zh: (p: { kind: string }) => `${kd(p.kind, 'zh')}申请须附范围（申请范围；转采为拟设采矿权范围）：请给出 geometry`,
  },
  GEOMETRY_NOT_ALLOWED: {
    en: (p: { kind: string }) => `An application for ${kd(p.kind, 'en')} does not change the extent: send no geometry`,
    zh: (p: { kind: string }) => `${kd(p.kind, 'zh')}申请不改变范围，请勿提交 geometry`,
  },
  RETAINED_OUTSIDE_BLOCK: {
    en: (p: { block: string; outside_km2: number }) =>
      `The polygon reaches ${p.outside_km2} km² outside block ${p.block}: the retained area must lie within the block`,
    zh: (p: { block: string; outside_km2: number }) => `所提交范围有 ${p.outside_km2} km² 位于区块 ${p.block} 之外：保留范围须位于区块之内`,
  },
  EXTENSION_APPLICATION_LATE: {
    en: (p: { block: string; valid_to: string; last_day: string; filed_on: string; days_late: number; citation: string; source: string }) =>
      `Too late to apply for extension of ${p.block}: the licence expires on ${p.valid_to}, so the application had to be submitted by ${p.last_day} (at least 30 days before expiry, ${p.citation}, seed ${p.source}); today is ${p.filed_on}, ${p.days_late} day(s) late`,
    zh: (p: { block: string; valid_to: string; last_day: string; filed_on: string; days_late: number; citation: string; source: string }) =>
      `区块 ${p.block} 已逾期，不能申请延续：许可证有效期至 ${p.valid_to}，须于有效期届满 30 日前即 ${p.last_day} 之前（含当日）提交延续申请（${p.citation}，资料 ${p.source}）；今日为 ${p.filed_on}，已逾期 ${p.days_late} 日`,
  },
  EXTENSION_NO_EXPIRY: {
    en: (p: { block: string }) => `Block ${p.block} has no expiry date on record: the extension deadline cannot be checked`,
    zh: (p: { block: string }) => `区块 ${p.block} 未登记有效期届满日，无法核对延续申请期限`,
  },
  CHECK_NOT_APPLICABLE: {
    en: () => 'cancellation gives the right up: no overlap check is attached',
    zh: () => '注销为放弃矿业权，不附查重检查',
  },
  RETENTION_CHECKED_AS_EXTENSION: {
    en: () => 'retention keeps the right as it is: its extent is checked as an existing right continuing (application "extension")',
    zh: () => '保留不改变矿业权范围：按已有矿业权存续（申请类型“延续”）进行查重',
  },
  CONVERSION_CHECKED_AS_NEW_MINING: {
    en: (p: { block: string }) =>
      `conversion: the proposed mining area is checked as a new mining right inside exploration block ${p.block} (what lies outside it is listed as outside_exploration_block)`,
    zh: (p: { block: string }) => `转采：拟设采矿权范围按在探矿权区块 ${p.block} 内新立采矿权查重（超出部分列为“超出探矿权范围”）`,
  },
  RETAINED_EXCEEDS_REMAINING: {
    en: (p: { retained_km2: number; remaining_km2: number }) =>
      `the retained polygon (${p.retained_km2} km²) is larger than the area the assessment leaves after the reduction (${p.remaining_km2} km²)`,
    zh: (p: { retained_km2: number; remaining_km2: number }) =>
      `拟保留范围（${p.retained_km2} km²）大于评估核减后的剩余面积（${p.remaining_km2} km²）`,
  },
  CONVERSION_FINDINGS: {
    en: (p: { count: number }) =>
      `the conversion check on the day of submission has ${p.count} finding(s): the proposed mining area leaves wells, gathering pipelines or area outside (see conversion)`,
    zh: (p: { count: number }) =>
      `提交当日的转采核查有 ${p.count} 项问题：拟设采矿权范围未涵盖部分井、集输管线或超出探矿权范围（见转采核查）`,
  },
  ASSESSMENT_REFUSES: {
    en: () => 'the register assessment on the day of submission concludes that the extension is to be refused',
    zh: () => '提交当日的登记库评估结论为不予延续',
  },
  NO_RETAINED_POLYGON: {
    en: () => 'no retained polygon was given: approval keeps the extent on record unchanged',
    zh: () => '未提交拟保留范围：批准后维持登记范围不变',
  },
  EFFECT_GEOMETRY: {
    en: (p: { block: string; before_km2: number; after_km2: number }) =>
      `block ${p.block}: extent replaced by the retained polygon of the application (${p.before_km2} → ${p.after_km2} km²)`,
    zh: (p: { block: string; before_km2: number; after_km2: number }) =>
      `区块 ${p.block}：范围改为申请中的拟保留范围（${p.before_km2} → ${p.after_km2} km²）`,
  },
  EFFECT_TERM: {
    en: (p: { block: string; valid_from: string; valid_to: string }) =>
      `block ${p.block}: new term ${p.valid_from} – ${p.valid_to}, one more extension used`,
    zh: (p: { block: string; valid_from: string; valid_to: string }) =>
      `区块 ${p.block}：新有效期 ${p.valid_from} 至 ${p.valid_to}，延续次数加一`,
  },
  EFFECT_TERM_UNCHANGED: {
    en: (p: { block: string; decision: string | null }) =>
      `block ${p.block}: the term on record is kept — the assessment frozen at submission gives no new term (decision: ${p.decision ?? 'none'})`,
    zh: (p: { block: string; decision: string | null }) =>
      `区块 ${p.block}：维持登记的有效期——提交时冻结的评估未给出新的有效期（结论：${p.decision === null ? '无' : label(DECISIONS, p.decision, 'zh')}）`,
  },
  EFFECT_CANCELLED: {
    en: (p: { block: string; valid_to: string }) => `block ${p.block}: right cancelled (status cancelled, term ends ${p.valid_to})`,
    zh: (p: { block: string; valid_to: string }) => `区块 ${p.block}：矿业权注销（状态“已注销”，有效期止于 ${p.valid_to}）`,
  },
  EFFECT_RETAINED: {
    en: (p: { block: string }) => `block ${p.block}: status retained`,
    zh: (p: { block: string }) => `区块 ${p.block}：状态改为“保留”`,
  },
  EFFECT_EXTENSION_APPLIED: {
    en: (p: { block: string }) => `block ${p.block}: status extension applied (延续申请中) while the extension is decided`,
    zh: (p: { block: string }) => `区块 ${p.block}：状态改为“延续申请中”，待延续申请办结`,
  },
  EFFECT_EXTENSION_CLOSED: {
    en: (p: { block: string }) => `block ${p.block}: the extension application is closed undecided; status back to valid`,
    zh: (p: { block: string }) => `区块 ${p.block}：延续申请未获批准即已办结，状态恢复为“有效”`,
  },
  CONVERSION_OUTSIDE_BLOCK: {
    en: (p: { block: string; outside_km2: number }) =>
      `The proposed mining area reaches ${p.outside_km2} km² outside exploration block ${p.block} as it is now: a conversion cannot be approved beyond the exploration right (R-CONV-1, 273号令 第二十一条; 自然资规〔2023〕4号 二（四）4)`,
    zh: (p: { block: string; outside_km2: number }) =>
      `拟设采矿权范围有 ${p.outside_km2} km² 超出探矿权区块 ${p.block} 现有范围：转采不得超出原探矿权范围批准（R-CONV-1，273号令 第二十一条；自然资规〔2023〕4号 二（四）4）`,
  },
  EFFECT_MINING_CREATED: {
    en: (p: { block: string; from: string; km2: number }) =>
      `mining right ${p.block} registered from exploration right ${p.from} (${p.km2} km², term to be set by the authority: 273号令 第二十三条, at most 30 years)`,
    zh: (p: { block: string; from: string; km2: number }) =>
      `由探矿权 ${p.from} 转采登记采矿权 ${p.block}（${p.km2} km²，有效期限由登记管理机关按 273号令 第二十三条确定，最长 30 年）`,
  },
  EFFECT_NONE: {
    en: (p: { kind: string }) =>
      `approval of a ${kd(p.kind, 'en')} is recorded; the register is not changed by it here (the new right is registered through the register's own write)`,
    zh: (p: { kind: string }) => `${kd(p.kind, 'zh')}申请的批准已记录；本步骤不改动登记库（新矿业权通过登记库写入登记）`,
  },
});

const errorOf = (status: number, code: string, m: Message, details?: ErrorDetail[]) =>
  new AppError(status, code, m.message, m.message_zh, details);

/** 422 with the sentence's own code. */
export const refuse422 = (m: Message, details?: ErrorDetail[]) => errorOf(422, m.code, m, details);
/** 409 with the sentence's own code. */
export const conflict409 = (m: Message, details?: ErrorDetail[]) => errorOf(409, m.code, m, details);
export const applicationNotFound = (id: string) => errorOf(404, 'NOT_FOUND', say(APPLICATION_SAY, 'APPLICATION_NOT_FOUND', { id }));
