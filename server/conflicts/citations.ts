/**
 * The rules the conflict engine applies, each with the article it rests on and the source wording.
 * Rule ids PA-n, R-RTP-n, R-MIN-n and R-WELL-n are those of /work/shared/domain/000-part-b.md; the
 * overlap rules between rights carry no id there (000-part-b §2.1–2.3, 001 §1.6), so they are numbered
 * OVL-n here, each naming the document and item it comes from. Seed line numbers are kept in `seed`.
 */
import type { Message } from '../i18n/message';

export interface Basis {
  /** rule id (000-part-b ids, or OVL-n / CONT-n defined here) */
  rule: string;
  /** document and article, as cited in Chinese */
  citation: string;
  /** the source wording (Chinese), shortened with … where long */
  text: string;
  /** how the rule was applied here, in both languages, when it needs saying */
  note?: Message;
}

export interface RuleDef {
  citation: string;
  text: string;
  /** seed file and line numbers (../seeds/000_*.txt = 000, 001_*.txt = 001) */
  seed: string;
}

const GUIDE = '山西省自然资源厅行政审批服务指南（2020版）';

export const RULES = {
  // ---- rights over rights (vertical projection) ----
  'OVL-1': {
    citation: '自然资规〔2023〕4号 四（十一）1',
    text: '申请范围与已设矿业权范围重叠，申请人与已设矿业权人为同一主体的（除外）',
    seed: '001 L9705-9709',
  },
  'OVL-2': {
    citation: `${GUIDE} 1.10.1（二）1；1.11.1（二）2；自然资规〔2023〕4号 四（十一）`,
    text: '申请范围不能与已有油气（煤层气）探矿权、采矿权重叠；新立探矿权采矿权申请范围不得与已设矿业权垂直投影范围重叠',
    seed: '000 L5126, L5749; 001 L9705-9706',
  },
  'OVL-3': {
    citation: '自然资规〔2023〕4号 四（十一）',
    text: '新立探矿权采矿权申请范围不得与已设矿业权垂直投影范围重叠（非油气与非油气之间不属除外情形）',
    seed: '001 L9705-9745',
  },
  'OVL-4': {
    citation: `273号令 第四十二条；${GUIDE} 1.10.1（二）2`,
    text: '申请范围与已设煤炭矿业权重叠的，须由煤炭矿业权人出具同意函或提供双方协议；煤层气矿业权人与煤炭矿业权人应当坚持先采气、后采煤，协调重叠区资源开发时序',
    seed: '000 L3500, L5127, L5448, L5750, L5972',
  },
  'OVL-5': {
    citation: '自然资规〔2023〕4号 四（十一）2',
    text: '油气与非油气之间，探矿权申请范围与已设探矿权重叠，申请人向登记管理机关提交不影响已设探矿权人权益承诺的',
    seed: '001 L9710-9712',
  },
  'OVL-6': {
    citation: '自然资规〔2023〕4号 四（十一）2',
    text: '油气与非油气之间，探矿权申请范围与已设采矿权范围重叠，申请人与已设采矿权人签订了互不影响和权益保护协议的',
    seed: '001 L9712-9714',
  },
  'OVL-7': {
    citation: '自然资规〔2023〕4号 四（十一）3',
    text: '油气与非油气之间，新立采矿权与已设矿业权重叠，双方签订了互不影响和权益保护协议的',
    seed: '001 L9718-9720',
  },
  'OVL-8': {
    citation: '自然资规〔2023〕4号 四（十一）5',
    text: '已设矿业权已公告废止或已列入政府关闭矿山名单的（除外）',
    seed: '001 L9726',
  },
  'OVL-9': {
    citation: '自然资规〔2023〕4号 四（十二）',
    text: '油气探矿权申请人应当承诺合理避让已设非油气矿业权，且不影响其勘查开采活动',
    seed: '001 L9747-9763',
  },
  'OVL-EXT': {
    citation: '自然资规〔2023〕4号 四（十一）（新立及扩大范围）',
    text: '新立探矿权采矿权申请范围不得与已设矿业权垂直投影范围重叠（适用于新立和扩大勘查开采范围，延续登记不在其列）',
    seed: '001 L9710-9745',
  },
  'OVL-LAPSED': {
    citation: '自然资规〔2023〕4号 四（十一）5；四（十八）',
    text: '已设矿业权已公告废止或已列入政府关闭矿山名单的（除外）；有效期届满未申请延续的，公告注销（不少于30个工作日）',
    seed: '001 L9726, L9805-9811',
  },
  // ---- containment ----
  'R-RTP-2': {
    citation: `晋自然资发〔2020〕16号 二；${GUIDE} 1.10.5（二）1`,
    text: '申请开采范围不超出申请人持有的探矿权范围',
    seed: '000 L4595, L5560',
  },
  'CONT-1': {
    citation: `${GUIDE} 1.11.1（二）1`,
    text: '申请范围在其持有的探矿权范围内',
    seed: '000 L5748',
  },
  'R-MIN-6': {
    citation: `${GUIDE} 1.11.2（二）1`,
    text: '申请范围不超过原登记范围',
    seed: '000 L5860',
  },
  'CONT-2': {
    citation: '晋自然资发〔2020〕17号 （一）2',
    text: '增列煤层气到省厅办理矿业权登记（但矿区范围不得跨省）',
    seed: '000 L4702',
  },
  // ---- protected areas and red lines ----
  'PA-2': {
    citation: '山西省自然资源厅关于煤层气矿业权涉及扣减保护地与拟划生态保护红线的函（2020-07-27）一；晋自然资发〔2019〕25号',
    text: '对饮用水源地、文物等涉及秘密不宜公开、无法提供坐标的保护区，不再列入保护地核查事项，由主管部门加强事前指导、事中事后监管来落实保护措施',
    seed: '000 L6177',
  },
  'PA-3': {
    citation: '山西省自然资源厅关于煤层气矿业权涉及扣减保护地与拟划生态保护红线的函（2020-07-27）二；晋自然资发〔2019〕25号',
    text: '对新立煤层气探矿权的，应按照晋自然资发〔2019〕25号文要求，核查并扣减煤层气矿区范围内涉及的保护地，以及拟划生态保护红线区域，再进行出让、登记',
    seed: '000 L6187',
  },
  'PA-4': {
    citation: '晋自然资发〔2020〕11号 十',
    text: '根据市局意见及拟划生态保护红线等数据扣减上述保护区范围后，办理矿业权延续登记手续',
    seed: '000 L4292-4294',
  },
  'PA-5': {
    citation: '山西省自然资源厅关于煤层气矿业权涉及扣减保护地与拟划生态保护红线的函（2020-07-27）二',
    text: '已依法设立的煤层气矿业权在办理延续登记时，涉及拟划生态保护红线的，企业可先书面承诺不在拟划生态保护红线范围内开展作业、待生态保护红线正式划定后按规定办理矿业权变更登记，我厅将暂不扣减',
    seed: '000 L6185',
  },
  'PA-6': {
    citation: '273号令 第三十一条第一款',
    text: '在自然保护区核心保护区，已经依法设立的煤层气探矿权可以继续勘查；在自然保护区一般控制区，已经依法设立的煤层气探矿权可以继续勘查，依法设立的煤层气采矿权可以继续开采，但不得扩大生产区域范围',
    seed: '000 L3446-3448',
  },
  'PA-7': {
    citation: '山西省自然资源厅关于煤层气矿业权涉及扣减保护地与拟划生态保护红线的函（2020-07-27）一',
    text: '过渡期间，煤层气探矿权涉及自然保护区的区域，不再扣除；已设置采矿权、新的探转采登记涉及自然保护区的，企业可申请对该区域进行单独登记，我厅对该申请先作不予行政许可、但保留企业今后按照有关规定处置的合法权益',
    seed: '000 L6181',
  },
  'NAT-NEW': {
    citation: '自然资规〔2023〕6号 三',
    text: '建立矿业权出让项目库，会同相关部门，依法依规避让生态保护红线等禁止限制勘查开采区域，合理确定出让范围',
    seed: '001 L10430-10436',
  },
  'NAT-EXT': {
    citation: '自然资规〔2023〕6号 三（仅新出让；延续无全国规定）',
    text: '资料中的全国规定只要求新出让项目避让生态保护红线等禁止限制区域（自然资规〔2023〕6号 三）；已设矿业权延续时是否扣减保护地、红线，未作规定',
    seed: '001 L10430-10436, L12419',
  },
  'NAT-OG-RL': {
    citation: '自然资发〔2022〕142号（不在资料原文中）',
    text: '已依法设立的油气探矿权在生态保护红线内继续勘查活动，包括不扩大范围的延续，属允许的有限人为活动（资料外的全国通知）',
    seed: '—',
  },
  'PA-9': {
    citation: '晋自然资发〔2020〕11号 八',
    text: '根据我省保护区核查的规定（增加省级风景名胜区、泉域重点保护区、地质公园、高等级林地等），以及拟划生态红线……实施避让和保护，并在矿业权到期延续时作变更登记',
    seed: '000 L4288',
  },
  'PA-11': {
    citation: '273号令 第三十一条第二款；晋自然资发〔2020〕11号 九',
    text: '矿区油气管线建设确需穿（跨）越自然保护地、泉域重点保护区、饮用水水源保护区、文物保护区的，建设单位应当采用无害化穿（跨）越方式',
    seed: '000 L3450, L4290',
  },
  'NO-MINING': {
    citation: `${GUIDE} 1.10.1（二）3；1.10.4（二）4；1.11.1（二）4；1.11.3（二）6`,
    text: '申请范围不在划定的禁采区域内',
    seed: '000 L5128, L5449, L5751, L5973',
  },
  'WATER-1': {
    citation: '273号令 第二十七条',
    text: '煤层气资源勘查、开采应当……防止地下水窜层，并对周边水源地采取特殊保护措施',
    seed: '000 L3434',
  },
  // ---- wells (DB 14/T 2053—2020) ----
  'R-WELL-1': {
    citation: 'DB14/T 2053—2020 3.2',
    text: '长停井：生产或修井作业已结束，且一年内未实际处置的井……其中，超过五年及以上的长停井应转为废弃井',
    seed: '000 L6702',
  },
  'R-WELL-2': {
    citation: 'DB14/T 2053—2020 4.4',
    text: '废弃及长停井应及时处置，本文件实施前已废弃或长停的井应在本文件发布后两年内处置完毕（2020-06-10 发布，2020-09-10 实施）',
    seed: '000 L6735; L6618-6620',
  },
  'R-WELL-3': {
    citation: 'DB14/T 2053—2020 4.3',
    text: '在煤矿矿权范围内的废弃及长停井处置应考虑煤矿企业要求，具体执行与煤矿企业签订的互保协议',
    seed: '000 L6734',
  },
  'R-WELL-4': {
    citation: 'DB14/T 2053—2020 6.1.1',
    text: '煤矿未采区：斜深不超过1200m的井宜选择全井段替注水泥法（候凝不少于48h）；斜深超过1200m的井宜选择分段替注水泥法',
    seed: '000 L6765-6788',
  },
  'R-WELL-5': {
    citation: 'DB14/T 2053—2020 6.1.2',
    text: '煤矿区：应选择全井段替注水泥法；若煤储层已采空，填砾石至煤储层之上不少于20m，再填砂至砾石之上不少于20m，最后注水泥至井口',
    seed: '000 L6792-6796',
  },
  'R-WELL-6': {
    citation: 'DB14/T 2053—2020 6.1.3；3.6',
    text: '生态敏感区（包含但不限于生态保护红线和水源地）：封堵煤储层和套管内井段，并封堵套管外井段',
    seed: '000 L6728, L6802-6816',
  },
  'R-WELL-7': {
    citation: 'DB14/T 2053—2020 6.2',
    text: '长停井：填砂至煤储层之上不少于20m或坐封桥塞至煤储层之上10m~20m……自砂面或桥塞之上注水泥塞不少于50m',
    seed: '000 L6820-6831',
  },
  'WELL-OWNER': {
    citation: '自然资规〔2023〕4号 四（十一）；273号令 第四十二条',
    text: '新立探矿权采矿权申请范围不得与已设矿业权垂直投影范围重叠（他人井口表明区内已有他人勘查开采活动）',
    seed: '001 L9705-9706, L9528-9532',
  },
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof RULES;

/** The basis entry for a rule, with an optional note on how it was applied. */
export function basis(rule: RuleId, note?: Message): Basis {
  const r: RuleDef = RULES[rule];
  return note ? { rule, citation: r.citation, text: r.text, note } : { rule, citation: r.citation, text: r.text };
}
