/**
 * Every stable vocabulary of the service, once, as `{ code: { zh, en } }`: the API's codes and their
 * names in both languages. Pure data (no node imports), so the page imports it too. zod enums, the
 * page's selects and legends, and the CSV/XLSX labels all derive from here; `vocab.test.ts` compares
 * the register vocabularies with the SQL `CHECK` lists in sql/migrations.
 *
 * Labels follow the regulators' wording: outcomes use 禁止 / 扣除 (not 不得重叠 / 扣减) everywhere,
 * in the page, in the CSV and in server sentences.
 */
export type Lang = 'zh' | 'en';

export interface Term {
  zh: string;
  en: string;
}

/** A vocabulary: codes in their API order, each with its names. */
export type Vocab<K extends string = string> = Readonly<Record<K, Term>>;

const vocab = <const T extends Record<string, Term>>(v: T): T => v;

/** The codes of a vocabulary as a non-empty tuple, in declaration order (for `z.enum`). */
export function codesOf<T extends Record<string, unknown>>(v: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(v) as [keyof T & string, ...(keyof T & string)[]];
}

// ---------------------------------------------------------------- register (SQL CHECK lists)

export interface MineralTerm extends Term {
  /** 油气 class (CBM counts as 油气, 001 L9403): decides which overlap rules apply (server/conflicts/outcomes.ts) */
  oil_gas: boolean;
}
const minerals = <const T extends Record<string, MineralTerm>>(v: T): T => v;

export const MINERALS = minerals({
  cbm: { zh: '煤层气', en: 'CBM', oil_gas: true },
  coal: { zh: '煤炭', en: 'coal', oil_gas: false },
  oil_gas: { zh: '石油天然气', en: 'oil & gas', oil_gas: true },
  tight_gas: { zh: '致密气', en: 'tight gas', oil_gas: true },
  shale_gas: { zh: '页岩气', en: 'shale gas', oil_gas: true },
  other: { zh: '其他', en: 'other', oil_gas: false },
});

export const BLOCK_KINDS = vocab({
  exploration: { zh: '探矿权', en: 'exploration right' },
  mining: { zh: '采矿权', en: 'mining right' },
});

export const BLOCK_STATUSES = vocab({
  valid: { zh: '有效', en: 'valid' },
  extension_applied: { zh: '延续申请中', en: 'extension applied' },
  report_then_produce: { zh: '报告后开采', en: 'report-then-produce' },
  retained: { zh: '保留', en: 'retained' },
  expired: { zh: '已过期', en: 'expired' },
  cancelled: { zh: '已注销', en: 'cancelled' },
});

/** How a right was obtained, as the register records it. */
export const ACQUISITION_METHODS = vocab({
  tender: { zh: '招标', en: 'tender' },
  listing: { zh: '挂牌', en: 'listing' },
  agreement: { zh: '协议', en: 'agreement' },
  administrative: { zh: '行政审批', en: 'administrative grant' },
  added_mineral: { zh: '增列', en: 'added mineral (coal-right addition)' },
});

/** How a right was obtained, as the extension rules and transfer contracts name it (server/rules/schemas.ts). */
export const CONTRACT_ACQUISITION_METHODS = vocab({
  listing: { zh: '挂牌', en: 'listing' },
  tender: { zh: '招标', en: 'tender' },
  auction: { zh: '拍卖', en: 'auction' },
  agreement: { zh: '协议', en: 'agreement' },
  administrative: { zh: '行政审批', en: 'administrative grant' },
  coal_addition: { zh: '增列', en: 'coal-right addition' },
  other: { zh: '其他', en: 'other' },
});

/**
 * Register acquisition method → the rules' contract vocabulary. Total by its type: a new register
 * code fails to compile until it is mapped. (`auction` and `other` exist only in contracts: the
 * register has no auctioned right.)
 */
export const REGISTER_TO_CONTRACT_ACQUISITION: Readonly<
  Record<keyof typeof ACQUISITION_METHODS, keyof typeof CONTRACT_ACQUISITION_METHODS>
> = {
  tender: 'tender',
  listing: 'listing',
  agreement: 'agreement',
  administrative: 'administrative',
  added_mineral: 'coal_addition',
};

export const RESERVE_KINDS = vocab({
  proven: { zh: '探明', en: 'proven' },
  submitted: { zh: '已提交', en: 'submitted' },
});

export const PA_CATEGORIES = vocab({
  nature_reserve: { zh: '自然保护区', en: 'nature reserve' },
  scenic_area: { zh: '风景名胜区', en: 'scenic area' },
  geopark: { zh: '地质公园', en: 'geopark' },
  forest_park: { zh: '森林公园', en: 'forest park' },
  wetland_park: { zh: '湿地公园', en: 'wetland park' },
  spring_protection: { zh: '泉域重点保护区', en: 'spring protection zone' },
  water_source: { zh: '饮用水水源保护区', en: 'drinking-water source' },
  cultural_relic: { zh: '文物保护区', en: 'cultural relic area' },
  high_grade_forest: { zh: '高等级林地', en: 'high-grade forest' },
  no_mining_zone: { zh: '禁采区', en: 'no-mining zone' },
  other: { zh: '其他保护地', en: 'other protected area' },
});

export const PA_ZONES = vocab({
  core: { zh: '核心保护区', en: 'core zone' },
  general: { zh: '一般控制区', en: 'general control zone' },
});

/** Protected-area level (free text in the register; these are the values the demo data and the page know). */
export const PA_LEVELS = vocab({
  national: { zh: '国家级', en: 'national' },
  provincial: { zh: '省级', en: 'provincial' },
  municipal: { zh: '市级', en: 'municipal' },
  county: { zh: '县级', en: 'county' },
});

export const REDLINE_STATUSES = vocab({
  proposed: { zh: '拟划', en: 'proposed' },
  official: { zh: '正式', en: 'official' },
});

export const WELL_TYPES = vocab({
  vertical: { zh: '直井', en: 'vertical' },
  directional: { zh: '定向井', en: 'directional' },
  horizontal: { zh: '水平井', en: 'horizontal' },
});

export const WELL_STATUSES = vocab({
  producing: { zh: '生产', en: 'producing' },
  drilling: { zh: '钻井中', en: 'drilling' },
  inactive: { zh: '停产', en: 'inactive' },
  abandoned: { zh: '废弃', en: 'abandoned' },
  plugged: { zh: '封井', en: 'plugged' },
});

export const PIPELINE_TYPES = vocab({
  gathering: { zh: '集输管线', en: 'gathering line' },
  trunk: { zh: '干线', en: 'trunk line' },
});

export const PIPELINE_STATUSES = vocab({
  operating: { zh: '运行', en: 'operating' },
  construction: { zh: '在建', en: 'under construction' },
  planned: { zh: '规划', en: 'planned' },
  abandoned: { zh: '废弃', en: 'abandoned' },
});

export const BOUNDARY_LEVELS = vocab({
  province: { zh: '省', en: 'province' },
  city: { zh: '市', en: 'city' },
});

/** Basins and coalfields (free text `basin` in the register). */
/** Kinds of signed record (certificates, sql/migrations/010_checks.sql). */
export const CERTIFICATE_KINDS = vocab({
  check: { zh: '查重检查报告', en: 'overlap check report' },
  'block-dossier': { zh: '区块档案', en: 'block dossier' },
});

/** Who may do what (issue 13): the roles of a request; accounts are never `public`. */
export const ROLES = vocab({
  public: { zh: '公众', en: 'public' },
  holder: { zh: '矿业权人', en: 'right holder' },
  regulator: { zh: '主管部门', en: 'regulator' },
  admin: { zh: '管理员', en: 'administrator' },
});

const ACCOUNT_ROLES = vocab({
  holder: ROLES.holder,
  regulator: ROLES.regulator,
  admin: ROLES.admin,
});

/** How a request proved who it is (audit trail). */
const AUTH_VIA = vocab({
  anonymous: { zh: '未登录', en: 'anonymous' },
  session: { zh: '登录会话', en: 'session' },
  token: { zh: '个人令牌', en: 'personal token' },
  bootstrap: { zh: '初始管理员令牌', en: 'bootstrap token' },
});

const AUTHORITY_LEVELS = vocab({
  national: { zh: '国家级', en: 'national' },
  province: { zh: '省级', en: 'province' },
  city: { zh: '市级', en: 'city' },
});

export const BASINS = vocab({
  qinshui: { zh: '沁水盆地', en: 'Qinshui basin' },
  ordos_east: { zh: '鄂尔多斯盆地东缘', en: 'eastern Ordos basin' },
  huoxi: { zh: '霍西煤田', en: 'Huoxi coalfield' },
  ningwu: { zh: '宁武盆地', en: 'Ningwu basin' },
  xishan: { zh: '西山煤田', en: 'Xishan coalfield' },
  datong: { zh: '大同煤田', en: 'Datong coalfield' },
});

// ---------------------------------------------------------------- applications (issue 14 item 1, migration 016)

/** What an application asks for (server/applications). */
export const APPLICATION_KINDS = vocab({
  new_exploration: { zh: '新立探矿权', en: 'new exploration right' },
  new_mining: { zh: '新立采矿权', en: 'new mining right' },
  extension: { zh: '延续', en: 'extension' },
  conversion: { zh: '探矿权转采矿权（转采）', en: 'conversion exploration → mining' },
  change: { zh: '变更（含缩减面积）', en: 'change (incl. area reduction)' },
  retention: { zh: '保留', en: 'retention' },
  cancellation: { zh: '注销', en: 'cancellation' },
});

/** Where an application stands. */
export const APPLICATION_STATES = vocab({
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  accepted: { zh: '已受理', en: 'accepted' },
  approved: { zh: '已批准', en: 'approved' },
  refused: { zh: '不予批准', en: 'refused' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
});

/** The steps of an application's own list: creation, edits of the draft and the transitions. */
export const APPLICATION_ACTIONS = vocab({
  create: { zh: '创建', en: 'create' },
  edit: { zh: '修改草稿', en: 'edit draft' },
  submit: { zh: '提交', en: 'submit' },
  accept: { zh: '受理', en: 'accept' },
  approve: { zh: '批准', en: 'approve' },
  refuse: { zh: '不予批准', en: 'refuse' },
  withdraw: { zh: '撤回', en: 'withdraw' },
});

// ---------------------------------------------------------------- annual investment, abnormal list (issue 14 item 3, migration 019)

/**
 * Items of a year's exploration-investment accounting (核算报告 “各项投入费用明细”, 273号令 第十七条), as the 2020
 * inspection itemised them (000:L7090, L7114, L7132); which count toward the 85 % is server/rules/annual-investment.ts.
 */
export const INVESTMENT_ITEMS = vocab({
  seismic: { zh: '地震', en: 'seismic' },
  drilling: { zh: '探井（钻井）', en: 'exploration wells (drilling)' },
  fracturing: { zh: '压裂（储层改造）', en: 'fracturing' },
  trial_production: { zh: '试采', en: 'trial production' },
  other_physical: { zh: '其他实物工作量', en: 'other physical work' },
  research: { zh: '综合研究', en: 'comprehensive research' },
  management: { zh: '管理费用', en: 'management' },
  other: { zh: '其他费用', en: 'other costs' },
});

/** Why a holder is a candidate for the abnormal list (异常名录); other sources (payments) add their codes here. */
export const ABNORMAL_REASONS = vocab({
  INVESTMENT_BELOW_MINIMUM: { zh: '未达到法定最低勘查投入', en: 'below the statutory minimum investment' },
  INVESTMENT_NOT_REPORTED: { zh: '未按期填报年度勘查投入', en: 'annual investment not filed by the deadline' },
  INVESTMENT_REPORTED_LATE: { zh: '逾期填报年度勘查投入', en: 'annual investment filed late' },
  USAGE_FEE_OVERDUE: { zh: '逾期未缴矿业权使用费', en: 'usage fee overdue' },
});

/** What a right owes (issue 14 item 4): 出让收益 instalments and the two usage fees of 273号令 第三十二、三十三条. */
export const OBLIGATION_KINDS = vocab({
  transfer_income: { zh: '矿业权出让收益', en: 'transfer income' },
  exploration_usage_fee: { zh: '探矿权使用费', en: 'exploration-right usage fee' },
  mining_usage_fee: { zh: '采矿权使用费', en: 'mining-right usage fee' },
});

/** What a payment pays: the obligation's principal or its late fee (滞纳金). */
export const PAYMENT_PARTS = vocab({
  principal: { zh: '本金', en: 'principal' },
  late_fee: { zh: '滞纳金', en: 'late fee' },
});

/** Where an obligation stands on a date. */
export const OBLIGATION_STATUSES = vocab({
  paid: { zh: '已缴清', en: 'paid' },
  due: { zh: '待缴', en: 'due' },
  overdue: { zh: '逾期未缴', en: 'overdue' },
  pending: { zh: '未定缴款日期', en: 'no due date yet' },
});

/** Kinds of instrument two rights sign about their overlap (issue 14 item 5; OVL-4..OVL-7). */
export const AGREEMENT_KINDS = vocab({
  agreement: { zh: '双方协议', en: 'bilateral agreement' },
  consent_letter: { zh: '同意函', en: 'consent letter' },
  commitment: { zh: '承诺书', en: 'written commitment' },
});

/** Terms an agreement on file records (273号令 第四十一、四十二条; 自然资规〔2023〕4号 四（十一）). */
export const AGREEMENT_TERMS = vocab({
  gas_before_coal: { zh: '先采气、后采煤', en: 'gas first, then coal' },
  mutual_non_interference: { zh: '互不影响和权益保护', en: 'mutual non-interference and protection of rights' },
  shared_facilities: { zh: '共建共享抽采利用设施', en: 'shared gas drainage facilities' },
  construction_sequencing: { zh: '采气采煤施工衔接', en: 'sequencing of gas and coal works' },
  reasonable_avoidance: { zh: '合理避让', en: 'reasonable avoidance' },
});

/**
 * What a holder's written commitment over a proposed ecological red line undertakes at extension (2020-07-27 letter 二,
 * 000 L6185, PA-5): not to work inside it, and to file a change registration once it is officially delineated.
 */
export const COMMITMENT_TERMS = vocab({
  no_works_in_proposed_redline: { zh: '不在拟划生态保护红线范围内开展作业', en: 'no works inside the proposed red line' },
  change_registration_on_delineation: {
    zh: '红线正式划定后办理矿业权变更登记',
    en: 'change registration once the red line is officially delineated',
  },
});

/** Register status flags on a right (矿业权登记信息管理办法 二十一, 000 L2267: 抵押、查封 published with transfers). */
export const RIGHT_FLAG_KINDS = vocab({
  seizure: { zh: '查封', en: 'seizure' },
  mortgage: { zh: '抵押', en: 'mortgage' },
});

/**
 * The layers a block's stored whole-register conflict pairs are kept for (sql/migrations/023, conflict_pairs.collection:
 * the table names, so `protected_areas` with an underscore where the API's collection path has a hyphen).
 */
export const CONFLICT_PAIR_LAYERS = vocab({
  blocks: { zh: '矿业权', en: 'mining rights' },
  reserves: { zh: '探明储量', en: 'proven reserves' },
  protected_areas: { zh: '自然保护地', en: 'protected areas' },
  redlines: { zh: '生态保护红线', en: 'red lines' },
});

/**
 * Which vocabulary each SQL `CHECK (col IN (…))` list of sql/migrations must equal, as `table.column`.
 * vocab.test.ts parses the migrations and compares both ways.
 */
export const SQL_CHECKED: Readonly<Record<string, Vocab>> = {
  'blocks.kind': BLOCK_KINDS,
  'blocks.mineral': MINERALS,
  'blocks.acquisition_method': ACQUISITION_METHODS,
  'blocks.status': BLOCK_STATUSES,
  'reserves.kind': RESERVE_KINDS,
  'protected_areas.category': PA_CATEGORIES,
  'protected_areas.zone': PA_ZONES,
  'redlines.status': REDLINE_STATUSES,
  'wells.type': WELL_TYPES,
  'wells.status': WELL_STATUSES,
  'pipelines.type': PIPELINE_TYPES,
  'pipelines.status': PIPELINE_STATUSES,
  'boundaries.level': BOUNDARY_LEVELS,
  'certificates.kind': CERTIFICATE_KINDS,
  'audit_log.role': ROLES,
  'audit_log.via': AUTH_VIA,
  'accounts.role': ACCOUNT_ROLES,
  'authorities.level': AUTHORITY_LEVELS,
  'applications.kind': APPLICATION_KINDS,
  'applications.state': APPLICATION_STATES,
  'application_steps.action': APPLICATION_ACTIONS,
  'payment_obligations.kind': OBLIGATION_KINDS,
  'payments.part': PAYMENT_PARTS,
  'right_agreements.kind': AGREEMENT_KINDS,
  'right_flags.kind': RIGHT_FLAG_KINDS,
  'conflict_pairs.collection': CONFLICT_PAIR_LAYERS,
};

// ---------------------------------------------------------------- collections

export const COLLECTIONS = vocab({
  blocks: { zh: '矿业权', en: 'mining rights' },
  reserves: { zh: '探明储量', en: 'proven reserves' },
  'protected-areas': { zh: '自然保护地', en: 'protected areas' },
  redlines: { zh: '生态保护红线', en: 'red lines' },
  wells: { zh: '井', en: 'wells' },
  pipelines: { zh: '管线', en: 'pipelines' },
  boundaries: { zh: '行政区划', en: 'boundaries' },
});

// ---------------------------------------------------------------- conflict checks

/** What is applied for (the subject of a check). */
export const APPLICATIONS = vocab({
  new_exploration: { zh: '新立探矿权', en: 'new exploration right' },
  new_mining: { zh: '新立采矿权', en: 'new mining right' },
  extension: { zh: '延续', en: 'extension' },
  change: { zh: '变更', en: 'change' },
  report_then_produce: { zh: '报告后开采', en: 'report-then-produce' },
});

/** How grave an outcome is: decides its colour on the map and in the list. */
export type Severity = 'block' | 'condition' | 'ok' | 'info';
/** @public one of the vocabularies issue 9 asks this module to hold; no code reads it yet (knip: kept on purpose) */
export const SEVERITIES = vocab({
  block: { zh: '不可重叠或须扣除', en: 'blocks or must be deducted' },
  condition: { zh: '有条件', en: 'conditional' },
  ok: { zh: '无妨碍', en: 'no bar' },
  info: { zh: '提示', en: 'for information' },
});

export interface OutcomeTerm extends Term {
  severity: Severity;
}
const outcomes = <const T extends Record<string, OutcomeTerm>>(v: T): T => v;

/** Rule outcomes of the conflict engine (server/conflicts/outcomes.ts decides which applies). */
export const OUTCOMES = outcomes({
  // rights over rights
  same_holder: { zh: '同一权利人', en: 'same holder', severity: 'ok' },
  forbidden: { zh: '禁止', en: 'forbidden', severity: 'block' },
  requires_agreement: { zh: '需协议', en: 'requires agreement', severity: 'condition' },
  requires_commitment: { zh: '需承诺', en: 'requires commitment', severity: 'condition' },
  agreement_on_file: { zh: '已有协议在案', en: 'agreement on file', severity: 'condition' },
  void: { zh: '已失效', en: 'void', severity: 'ok' },
  // containment
  outside_exploration_block: { zh: '超出探矿权范围', en: 'outside the exploration block', severity: 'block' },
  outside_original_area: { zh: '超出原登记范围', en: 'outside the registered area', severity: 'block' },
  crosses_provincial_border: { zh: '跨省界', en: 'crosses the provincial border', severity: 'block' },
  // protected areas and red lines
  deduct: { zh: '扣除', en: 'deduct', severity: 'block' },
  may_continue: { zh: '可继续勘查', en: 'may continue', severity: 'ok' },
  may_continue_no_expansion: { zh: '可继续、不得扩大', en: 'may continue, no expansion', severity: 'condition' },
  protect_in_place: { zh: '避让保护', en: 'protect in place', severity: 'condition' },
  keep_with_commitment: { zh: '承诺保留', en: 'kept on commitment', severity: 'condition' },
  commitment_on_file: { zh: '已有承诺在案', en: 'commitment on file', severity: 'condition' },
  // wells and pipelines
  other_holder_well: { zh: '他人井', en: "another holder's well", severity: 'condition' },
  inactive_well: { zh: '长停井', en: 'long-inactive well', severity: 'info' },
  abandoned_well: { zh: '废弃井', en: 'abandoned well', severity: 'condition' },
  harmless_crossing_required: { zh: '需无害化穿越', en: 'harmless crossing required', severity: 'condition' },
  existing_overlap: { zh: '已有重叠待核实', en: 'existing overlap (review)', severity: 'condition' },
  review_required: { zh: '无规定待核实', en: 'review required', severity: 'condition' },
});
export type OutcomeCode = keyof typeof OUTCOMES;

export interface VerdictTerm extends Term {
  severity: Severity;
}
const verdicts = <const T extends Record<string, VerdictTerm>>(v: T): T => v;

/**
 * The overall verdict of a check (server/conflicts/verdict.ts `checkVerdict`), worst first: the most serious class
 * among the outcomes found decides it. A preliminary reading of the register, not an administrative decision.
 */
export const CHECK_VERDICTS = verdicts({
  not_acceptable: { zh: '不予受理', en: 'not acceptable', severity: 'block' },
  deduct: { zh: '需扣除', en: 'deduction required', severity: 'block' },
  agreement: { zh: '需协议', en: 'agreement required', severity: 'condition' },
  review: { zh: '需核实', en: 'review required', severity: 'condition' },
  conditions: { zh: '附条件受理', en: 'acceptable with conditions', severity: 'condition' },
  acceptable: { zh: '可受理', en: 'acceptable', severity: 'ok' },
});
export type VerdictCode = keyof typeof CHECK_VERDICTS;

/** Which check produced a containment entry. */
/** @public one of the vocabularies issue 9 asks this module to hold; no code reads it yet (knip: kept on purpose) */
export const CONFLICT_CHECKS = vocab({
  containment: { zh: '范围包含', en: 'containment' },
  provincial_border: { zh: '省界', en: 'provincial border' },
});

/** Keys of a check's summary that are not collections. */
export const SUMMARY_KEYS = vocab({
  containment: { zh: '范围包含', en: 'containment' },
  deductible_area_km2: { zh: '应扣除面积', en: 'deductible area' },
  net_area_km2: { zh: '净面积', en: 'net area' },
});

/** A conflict entry's `category` where it is neither a right kind nor a protected-area category. */
export const ENTRY_CATEGORIES = vocab({
  redline: { zh: '生态保护红线', en: 'red line' },
});

/** DB14/T 2053 location class of an inactive or abandoned well. */
/** @public one of the vocabularies issue 9 asks this module to hold; no code reads it yet (knip: kept on purpose) */
export const WELL_LOCATION_CLASSES = vocab({
  ecologically_sensitive: { zh: '生态敏感区', en: 'ecologically sensitive area' },
  coal_district: { zh: '煤矿区', en: 'coal-mining district' },
  coal_unmined: { zh: '煤矿未采区', en: 'coal not yet mined' },
});

/** Coordinate-file formats (server/parse FORMATS) and where else an input may come from. */
export const FILE_FORMATS = vocab({
  'guotu-txt': { zh: '国土 TXT', en: 'Guotu TXT' },
  csv: { zh: 'CSV 坐标表', en: 'CSV corner table' },
  xlsx: { zh: 'XLSX 坐标表', en: 'XLSX corner table' },
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  kml: { zh: 'KML', en: 'KML' },
  kmz: { zh: 'KMZ', en: 'KMZ' },
  shp: { zh: 'Shapefile（ZIP）', en: 'Shapefile (ZIP)' },
  register: { zh: '登记库', en: 'register' },
});

/** Keys of an error's `details` entries (server/errors.ts ErrorDetail and the parsers' details). */
export const ERROR_DETAIL_KEYS = vocab({
  line: { zh: '行', en: 'line' },
  point: { zh: '点', en: 'point' },
  parcel: { zh: '地块', en: 'parcel' },
  ring: { zh: '环', en: 'ring' },
  other_point: { zh: '另一点', en: 'other point' },
  field: { zh: '字段', en: 'field' },
  value: { zh: '值', en: 'value' },
  message: { zh: '说明', en: 'message' },
  reason: { zh: '原因', en: 'reason' },
  hint: { zh: '提示', en: 'hint' },
  supported: { zh: '支持的格式', en: 'supported' },
  filename: { zh: '文件名', en: 'file name' },
  entries: { zh: '压缩包内文件', en: 'entries' },
  kind: { zh: '类型', en: 'kind' },
  limit: { zh: '上限', en: 'limit' },
  required_km2: { zh: '需核减面积（km²）', en: 'required (km²)' },
  flag: { zh: '登记状态记录', en: 'register flag' },
  document_no: { zh: '文号', en: 'document number' },
  agreement: { zh: '协议', en: 'agreement' },
});

// ---------------------------------------------------------------- licence lifecycle

/** Rule regimes (server/rules/regimes.ts REGIME_IDS). */
export const REGIMES = vocab({
  'national-2019': { zh: '全国（2019）', en: 'national (2019)' },
  'shanxi-cbm-2020': { zh: '山西煤层气（2020）', en: 'Shanxi CBM (2020)' },
  'national-2023': { zh: '全国（2023）', en: 'national (2023)' },
});

/** Extension decisions. */
export const DECISIONS = vocab({
  extend: { zh: '准予延续', en: 'extend' },
  refuse: { zh: '不予延续', en: 'refuse' },
  incomplete: { zh: '需补充材料', en: 'more information needed' },
});

/**
 * The inputs of a stored block's extension assessment, each shown with where its value came from
 * (ASSESSMENT_INPUT_SOURCES) and each one a user may override (POST /api/blocks/{id}/assessment).
 */
export const ASSESSMENT_INPUTS = vocab({
  regime: { zh: '适用规则', en: 'regime' },
  licensed_area_km2: { zh: '证载面积', en: 'licensed area' },
  first_registration_area_km2: { zh: '首次登记面积', en: 'first-registration area' },
  proven_reserve_area_km2: { zh: '探明储量面积', en: 'proven-reserve area' },
  unfinished_ratio: { zh: '最低勘查投入未完成比例', en: 'unfinished share of the minimum investment' },
  extensions_used: { zh: '已延续次数', en: 'extensions used' },
  valid_to: { zh: '有效期止', en: 'licence expiry' },
  application_date: { zh: '延续申请日期', en: 'extension application date' },
  proven_reserves_submitted_date: { zh: '探明储量提交日期', en: 'proven reserves submitted' },
  mining_registration_completed: { zh: '已完成转采登记', en: 'mining registration completed' },
  acquisition_method: { zh: '出让方式', en: 'acquisition method' },
  years_existing: { zh: '2020-05-01 时累计存续年限', en: 'years in existence on 2020-05-01' },
  committed_completion_ratio: { zh: '承诺投入完成比例', en: 'share of the committed investment completed' },
  contract_reduction_ratio: { zh: '合同约定核减比例', en: 'reduction ratio set by the contract' },
  contract_refusal_completion_below: { zh: '合同约定不予延续阈值', en: 'contract refusal threshold' },
});

/** Inputs read from (or computed on) confidential records: the investment ledger and the contract's investment terms
 * (withheld from callers who may not see the ledger, server/auth/visibility.ts; the page marks them the same way). */
export const CONFIDENTIAL_ASSESSMENT_INPUTS: ReadonlySet<keyof typeof ASSESSMENT_INPUTS> = new Set([
  'unfinished_ratio',
  'committed_completion_ratio',
  'contract_reduction_ratio',
  'contract_refusal_completion_below',
] as const);

/** Where an assessment input's value came from. */
export const ASSESSMENT_INPUT_SOURCES = vocab({
  register: { zh: '来自登记簿', en: 'from the register' },
  default: { zh: '默认值', en: 'default' },
  override: { zh: '用户覆盖', en: 'user override' },
  withheld: { zh: '不予公开', en: 'withheld' },
});

/** Deadline kinds of the deadlines list. */
export const DEADLINE_KINDS = vocab({
  expiry: { zh: '有效期届满', en: 'expiry' },
  extension_application: { zh: '申请延续截止', en: 'last day to apply for extension' },
  mining_registration: { zh: '申请采矿登记截止', en: 'last day to apply for mining registration' },
  proven_to_mining: { zh: '探明储量后转采矿登记截止', en: 'mining registration after proven reserves' },
  report_then_produce_mining: { zh: '报告后开采转采矿登记截止', en: 'mining registration after report-then-produce' },
});

/** Relinquishment-planner strategies (server/planner/planner.ts `Strategy`). */
export const STRATEGIES = vocab({
  'protected-first': { zh: '先扣保护区', en: 'protected areas first' },
  'west-strip': { zh: '西侧条带', en: 'west strip' },
  'east-strip': { zh: '东侧条带', en: 'east strip' },
  'north-strip': { zh: '北侧条带', en: 'north strip' },
  'south-strip': { zh: '南侧条带', en: 'south strip' },
  'corner-nw': { zh: '西北角矩形', en: 'north-west corner rectangle' },
  'corner-ne': { zh: '东北角矩形', en: 'north-east corner rectangle' },
  'corner-sw': { zh: '西南角矩形', en: 'south-west corner rectangle' },
  'corner-se': { zh: '东南角矩形', en: 'south-east corner rectangle' },
});

/** Which vocabulary names each coded property of each collection (popups, details, CSV). */
export const FIELD_VOCABS: Readonly<Record<string, Readonly<Record<string, Vocab>>>> = {
  blocks: { kind: BLOCK_KINDS, mineral: MINERALS, status: BLOCK_STATUSES, acquisition_method: ACQUISITION_METHODS, basin: BASINS },
  reserves: { kind: RESERVE_KINDS },
  'protected-areas': { category: PA_CATEGORIES, zone: PA_ZONES, level: PA_LEVELS },
  redlines: { status: REDLINE_STATUSES },
  wells: { type: WELL_TYPES, status: WELL_STATUSES },
  pipelines: { type: PIPELINE_TYPES, status: PIPELINE_STATUSES },
  boundaries: { level: BOUNDARY_LEVELS },
};

/** The name of a property value of a collection's feature, e.g. ('wells', 'status', 'plugged') → 封井. */
export function labelField(collection: string, field: string, code: unknown, lang: Lang): string {
  const v = FIELD_VOCABS[collection]?.[field];
  const c = code === null || code === undefined ? null : String(code);
  return v ? label(v, c, lang) : labelAny(c, lang);
}

// ---------------------------------------------------------------- lookups

/** The name of `code` in `v`, or the code itself when unknown (a new server value never shows blank); '—' for none. */
export function label(v: Vocab, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '—';
  const t = (v as Record<string, Term | undefined>)[code];
  return t ? t[lang] : code;
}

/** Vocabularies searched by `labelAny`, most specific first (a code present in two gets the first's name). */
const ANY: Vocab[] = [
  PA_CATEGORIES,
  PA_ZONES,
  PA_LEVELS,
  BLOCK_KINDS,
  RESERVE_KINDS,
  WELL_TYPES,
  PIPELINE_TYPES,
  ENTRY_CATEGORIES,
  BLOCK_STATUSES,
  REDLINE_STATUSES,
  WELL_STATUSES,
  PIPELINE_STATUSES,
  MINERALS,
  COLLECTIONS,
  BASINS,
  BOUNDARY_LEVELS,
];

/** The name of a code from whichever vocabulary knows it, or the code itself. */
export function labelAny(code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '—';
  for (const v of ANY) if (Object.hasOwn(v, code)) return label(v, code, lang);
  return code;
}

export const outcomeLabel = (code: string | null | undefined, lang: Lang): string => label(OUTCOMES, code, lang);

export const outcomeSeverity = (code: string | null | undefined): Severity =>
  code && Object.hasOwn(OUTCOMES, code) ? OUTCOMES[code as OutcomeCode].severity : 'info';
