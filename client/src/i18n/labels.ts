/**
 * Labels for the API's stable vocabularies (status, mineral, outcome, ...), in both languages.
 * Unknown codes fall back to the code itself, so a new server value never shows as blank.
 */
export type Lang = 'zh' | 'en';
type Pair = readonly [zh: string, en: string];
type Vocab = Record<string, Pair>;

export const OUTCOMES: Vocab = {
  forbidden: ['禁止', 'forbidden'],
  requires_agreement: ['需协议', 'requires agreement'],
  requires_commitment: ['需承诺', 'requires commitment'],
  same_holder: ['同一权利人', 'same holder'],
  void: ['已失效', 'void'],
  deduct: ['扣除', 'deduct'],
  keep_with_commitment: ['承诺保留', 'keep with commitment'],
  may_continue: ['可继续勘查', 'may continue'],
  may_continue_no_expansion: ['可继续不扩大', 'continue, no expansion'],
  protect_in_place: ['避让保护', 'protect in place'],
  outside_exploration_block: ['超出探矿权范围', 'outside exploration block'],
  outside_original_area: ['超出原登记范围', 'outside original area'],
  crosses_provincial_border: ['跨省界', 'crosses provincial border'],
  harmless_crossing_required: ['需无害化穿越', 'harmless crossing required'],
  other_holder_well: ['他人井', "another holder's well"],
  inactive_well: ['长停井', 'inactive well'],
  abandoned_well: ['废弃井', 'abandoned well'],
};

/** Outcome severity decides the colour on the map and in the list. */
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
export const outcomeSeverity = (outcome: string | null | undefined): Severity => (outcome && SEVERITY[outcome]) || 'info';

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
  exploration: ['探矿权', 'exploration'],
  mining: ['采矿权', 'mining'],
  vertical: ['直井', 'vertical'],
  directional: ['定向井', 'directional'],
  horizontal: ['水平井', 'horizontal'],
  gathering: ['集输管线', 'gathering'],
  trunk: ['干线', 'trunk'],
  proven: ['探明', 'proven'],
  submitted: ['已提交', 'submitted'],
  province: ['省', 'province'],
  city: ['市', 'city'],
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
  national: ['国家级', 'national'],
  provincial: ['省级', 'provincial'],
};

export const COLLECTIONS: Vocab = {
  blocks: ['矿业权', 'mining rights'],
  reserves: ['探明储量', 'proven reserves'],
  'protected-areas': ['自然保护地', 'protected areas'],
  protected_areas: ['自然保护地', 'protected areas'],
  redlines: ['生态保护红线', 'red lines'],
  wells: ['井', 'wells'],
  pipelines: ['管线', 'pipelines'],
  boundaries: ['行政区划', 'boundaries'],
};

export const DECISIONS: Vocab = {
  extend: ['准予延续', 'extend'],
  refuse: ['不予延续', 'refuse'],
  exempt: ['免于缩减', 'exempt'],
  exit: ['退出', 'exit'],
};

export const REGIMES: Vocab = {
  'shanxi-cbm-2020': ['山西煤层气（2020）', 'Shanxi CBM (2020)'],
  'national-2019': ['全国（2019）', 'national (2019)'],
  'national-2023': ['全国（2023）', 'national (2023)'],
};

export const BASINS: Vocab = {
  qinshui: ['沁水盆地', 'Qinshui basin'],
  ordos_east: ['鄂尔多斯盆地东缘', 'eastern Ordos basin'],
  huoxi: ['霍西煤田', 'Huoxi coalfield'],
  ningwu: ['宁武盆地', 'Ningwu basin'],
  xishan: ['西山煤田', 'Xishan coalfield'],
  datong: ['大同煤田', 'Datong coalfield'],
};

/** The label of a code from whichever vocabulary knows it (categories, kinds, statuses, minerals). */
export function labelAny(code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  for (const v of [CATEGORIES, KINDS, STATUSES, MINERALS, COLLECTIONS, BASINS]) if (v[code]) return label(v, code, lang);
  return code;
}

/** The label of `code` in `vocab`, or the code itself. */
export function label(vocab: Vocab, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '—';
  const pair = vocab[code];
  return pair ? pair[lang === 'zh' ? 0 : 1] : code;
}

export const outcomeLabel = (code: string | null | undefined, lang: Lang) => label(OUTCOMES, code, lang);
