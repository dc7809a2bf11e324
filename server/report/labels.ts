/**
 * Labels for report and export text, in both languages.
 * LOCAL STOPGAP: a shared vocabulary module (server/vocab) is being built by another helper; once it
 * lands, replace `label()` / `labelAny()` here with its lookups (the codes are the API's codes, the
 * Chinese terms follow client/src/i18n/labels.ts and server/conflicts/csv.ts).
 */
export type Lang = 'zh' | 'en';
type Pair = readonly [zh: string, en: string];
export type Vocab = Record<string, Pair>;

export const OUTCOMES: Vocab = {
  forbidden: ['不得重叠', 'forbidden'],
  requires_agreement: ['须同意函或协议', 'requires agreement'],
  requires_commitment: ['须提交承诺', 'requires commitment'],
  same_holder: ['同一主体（允许）', 'same holder (allowed)'],
  void: ['已失效（不构成限制）', 'void (no longer bars)'],
  deduct: ['扣减', 'deduct'],
  keep_with_commitment: ['书面承诺后暂不扣减', 'kept on written commitment'],
  may_continue: ['可继续勘查', 'may continue'],
  may_continue_no_expansion: ['可继续开采但不得扩大', 'may continue, no expansion'],
  protect_in_place: ['不扣减、须避让保护', 'protect in place'],
  outside_exploration_block: ['超出探矿权范围', 'outside the exploration block'],
  outside_original_area: ['超出原登记范围', 'outside the original area'],
  crosses_provincial_border: ['跨省界', 'crosses the provincial border'],
  harmless_crossing_required: ['须无害化穿（跨）越', 'harmless crossing required'],
  other_holder_well: ['他人井', "another holder's well"],
  inactive_well: ['长停井', 'inactive well'],
  abandoned_well: ['废弃井', 'abandoned well'],
};

/** Severity orders conflicts in reports (most serious first) and picks the hatch colour. */
export type Severity = 'block' | 'condition' | 'ok' | 'info';
const SEVERITY: Record<string, Severity> = {
  forbidden: 'block',
  deduct: 'block',
  outside_exploration_block: 'block',
  outside_original_area: 'block',
  crosses_provincial_border: 'block',
  requires_agreement: 'condition',
  requires_commitment: 'condition',
  keep_with_commitment: 'condition',
  may_continue_no_expansion: 'condition',
  harmless_crossing_required: 'condition',
  protect_in_place: 'condition',
  other_holder_well: 'condition',
  abandoned_well: 'condition',
  same_holder: 'ok',
  void: 'ok',
  may_continue: 'ok',
  inactive_well: 'info',
};
export const severityOf = (outcome: string): Severity => SEVERITY[outcome] ?? 'info';
export const SEVERITY_RANK: Record<Severity, number> = { block: 0, condition: 1, info: 2, ok: 3 };

export const APPLICATIONS: Vocab = {
  new_exploration: ['新立探矿权', 'new exploration right'],
  new_mining: ['新立采矿权', 'new mining right'],
  extension: ['延续', 'extension'],
  change: ['变更', 'change'],
  report_then_produce: ['报告后开采', 'report-then-produce'],
};

export const STATUSES: Vocab = {
  valid: ['有效', 'valid'],
  extension_applied: ['延续申请中', 'extension applied'],
  report_then_produce: ['报告后开采', 'report-then-produce'],
  retained: ['保留', 'retained'],
  expired: ['已过期', 'expired'],
  cancelled: ['已注销', 'cancelled'],
  proposed: ['拟划', 'proposed'],
  official: ['正式', 'official'],
  producing: ['生产', 'producing'],
  drilling: ['钻井中', 'drilling'],
  inactive: ['停产', 'inactive'],
  abandoned: ['废弃', 'abandoned'],
  plugged: ['封井', 'plugged'],
  operating: ['运行', 'operating'],
  construction: ['在建', 'under construction'],
  planned: ['规划', 'planned'],
};

export const MINERALS: Vocab = {
  cbm: ['煤层气', 'CBM'],
  coal: ['煤炭', 'coal'],
  oil_gas: ['石油天然气', 'oil & gas'],
  tight_gas: ['致密气', 'tight gas'],
  shale_gas: ['页岩气', 'shale gas'],
  other: ['其他', 'other'],
};

export const KINDS: Vocab = {
  exploration: ['探矿权', 'exploration right'],
  mining: ['采矿权', 'mining right'],
  vertical: ['直井', 'vertical'],
  directional: ['定向井', 'directional'],
  horizontal: ['水平井', 'horizontal'],
  gathering: ['集输管线', 'gathering line'],
  trunk: ['干线', 'trunk line'],
  proven: ['探明', 'proven'],
  submitted: ['已提交', 'submitted'],
  province: ['省界', 'province'],
  city: ['市界', 'city'],
  redline: ['生态保护红线', 'red line'],
};

export const CATEGORIES: Vocab = {
  nature_reserve: ['自然保护区', 'nature reserve'],
  scenic_area: ['风景名胜区', 'scenic area'],
  geopark: ['地质公园', 'geopark'],
  forest_park: ['森林公园', 'forest park'],
  wetland_park: ['湿地公园', 'wetland park'],
  spring_protection: ['泉域重点保护区', 'spring protection zone'],
  water_source: ['饮用水水源保护区', 'drinking-water source'],
  cultural_relic: ['文物保护区', 'cultural relic area'],
  high_grade_forest: ['高等级林地', 'high-grade forest'],
  no_mining_zone: ['禁采区', 'no-mining zone'],
  other: ['其他', 'other'],
  core: ['核心保护区', 'core zone'],
  general: ['一般控制区', 'general zone'],
};

export const COLLECTIONS: Vocab = {
  blocks: ['矿业权', 'mining rights'],
  reserves: ['探明储量', 'proven reserves'],
  'protected-areas': ['自然保护地', 'protected areas'],
  redlines: ['生态保护红线', 'ecological red lines'],
  wells: ['井', 'wells'],
  pipelines: ['管线', 'pipelines'],
  boundaries: ['行政区划', 'boundaries'],
  containment: ['范围包含', 'containment'],
};

export const DECISIONS: Vocab = {
  extend: ['准予延续', 'extend'],
  refuse: ['不予延续', 'refuse'],
  exempt: ['免于缩减', 'exempt'],
  exit: ['退出', 'exit'],
};

export const REGIMES: Vocab = {
  'shanxi-cbm-2020': ['山西煤层气（273号令，2020）', 'Shanxi CBM (Decree 273, 2020)'],
  'national-2019': ['全国（自然资规〔2019〕7号）', 'national (2019 No. 7)'],
  'national-2023': ['全国（自然资规〔2023〕4号）', 'national (2023 No. 4)'],
};

export const ACQUISITION: Vocab = {
  tender: ['招标', 'tender'],
  listing: ['挂牌', 'listing'],
  agreement: ['协议', 'agreement'],
  administrative: ['行政审批', 'administrative'],
  added_mineral: ['增列矿种', 'added mineral'],
};

export const BASINS: Vocab = {
  qinshui: ['沁水盆地', 'Qinshui basin'],
  ordos_east: ['鄂尔多斯盆地东缘', 'eastern Ordos basin'],
  huoxi: ['霍西煤田', 'Huoxi coalfield'],
  ningwu: ['宁武盆地', 'Ningwu basin'],
  xishan: ['西山煤田', 'Xishan coalfield'],
  datong: ['大同煤田', 'Datong coalfield'],
};

export function label(vocab: Vocab, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '—';
  const pair = vocab[code];
  return pair ? pair[lang === 'zh' ? 0 : 1] : code;
}

/** A code's label from whichever vocabulary knows it. */
export function labelAny(code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  for (const v of [CATEGORIES, KINDS, STATUSES, MINERALS, COLLECTIONS]) if (v[code]) return label(v, code, lang);
  return code;
}

/** Pick the text of a {message, message_zh} pair in the report's language. */
export const textOf = (m: { message: string; message_zh?: string }, lang: Lang) => (lang === 'zh' ? m.message_zh || m.message : m.message);
