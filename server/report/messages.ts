/** The sentences reports and certificates say (server/i18n/message.ts shape). */
import { defineMessages } from '../i18n/message';
import { APPLICATION_KINDS, label } from '../vocab';

const kd = (s: string, lang: 'zh' | 'en') => label(APPLICATION_KINDS, s, lang);

export const REPORT_SAY = defineMessages({
  SYNTHETIC_DATA: {
    en: () =>
      'Demonstration service: the register data are synthetic (合成演示数据), realistic in place and size but not real rights. This report is not an administrative decision.',
    zh: () => '演示服务：登记数据为合成演示数据，位置与规模仿真，但并非真实矿业权。本报告不构成行政决定。',
  },
  DEMO_SIGNING_KEY: {
    en: () =>
      'No SIGNING_KEY configured: certificates are signed with a demo key generated and kept in the database. Configure SIGNING_KEY (Ed25519 PKCS#8 PEM or base64 DER) in production.',
    zh: () =>
      '未配置 SIGNING_KEY：证书使用数据库中自动生成的演示密钥签名。生产环境请配置 SIGNING_KEY（Ed25519 PKCS#8 PEM 或 base64 DER）。',
  },
  VERIFY_VALID: {
    en: (p: { id: string }) => `Certificate ${p.id} is valid: the signature matches and the record equals the one on file.`,
    zh: (p: { id: string }) => `证书 ${p.id} 有效：签名正确，记录与存档一致。`,
  },
  VERIFY_BAD_SIGNATURE: {
    en: (p: { id: string }) =>
      `Certificate ${p.id}: the signature does not match the record — it was altered or not issued by this service.`,
    zh: (p: { id: string }) => `证书 ${p.id}：签名与记录不符——记录已被改动，或并非本服务签发。`,
  },
  VERIFY_DIFFERS: {
    en: (p: { id: string; n: number }) => `Certificate ${p.id}: ${p.n} value(s) differ from the record on file.`,
    zh: (p: { id: string; n: number }) => `证书 ${p.id}：有 ${p.n} 处与存档记录不一致。`,
  },
  VERIFY_UNKNOWN: {
    en: (p: { id: string }) => `No certificate ${p.id} is on file at this service.`,
    zh: (p: { id: string }) => `本服务没有编号为 ${p.id} 的证书存档。`,
  },
  VERIFY_OTHER_KEY: {
    en: (p: { key: string }) => `The record names signing key ${p.key}, which is not this service's key.`,
    zh: (p: { key: string }) => `记录所署签名密钥 ${p.key} 不是本服务的密钥。`,
  },
  VERIFY_UNREADABLE: {
    en: () => 'The embedded record is not valid JSON: the file was altered',
    zh: () => '嵌入的记录不是有效 JSON：文件已被改动',
  },
  ANNEX_REQUIRED_WITHHELD: {
    en: () =>
      'The area to relinquish follows from the investment ledger, which this copy leaves out: the annex lists the licensed area (an applicant may name the area to relinquish: required_km2).',
    zh: () => '应缩减面积由勘查投入台账推得，本份未列出：附件列出现登记范围（申请人可指定应缩减面积：required_km2）。',
  },
  ANNEX_NOTHING_TO_RELINQUISH: {
    en: (p: { decision: string }) =>
      `The assessment's decision is '${p.decision}' with nothing to relinquish: the annex lists the licensed area.`,
    zh: (p: { decision: string }) => `延续评估结论为“${p.decision}”，无须缩减：附件列出现登记范围。`,
  },
  ANNEX_REQUIRED_NOT_SHOWN: {
    en: () => 'Not shown: the area to relinquish follows from the investment ledger, which this copy leaves out.',
    zh: () => '未列出：应缩减面积由勘查投入台账推得，本份不含台账。',
  },
  ANNEX_REQUIRED_NO_ASSESSMENT: {
    en: () => 'None derived: the block has no extension assessment (not an exploration right, or dates missing).',
    zh: () => '无：该区块无延续评估（非探矿权或缺少日期），无从推得应缩减面积。',
  },
  ANNEX_REQUIRED_NONE: {
    en: (p: { decision: string; reduction: string }) =>
      `None: the assessment's decision is '${p.decision}' with ${p.reduction} km² to relinquish; what the applicant gives up is its own choice.`,
    zh: (p: { decision: string; reduction: string }) =>
      `无：延续评估结论为“${p.decision}”，核减面积 ${p.reduction} km²；申请人拟退出的范围为其自行选择。`,
  },
  ANNEX_NO_RETAINED_POLYGON: {
    en: (p: { id: string; kind: string }) =>
      `Application ${p.id} (${kd(p.kind, 'en')}) carries no retained polygon: only an extension or change application with a polygon gives the annex its retained area`,
    zh: (p: { id: string; kind: string }) =>
      `申请 ${p.id}（${kd(p.kind, 'zh')}）未附拟保留范围：仅附有范围的延续或变更申请可作为附件的保留范围`,
  },
  ANNEX_OTHER_BLOCK: {
    en: (p: { id: string; block: string; asked: string }) =>
      `Application ${p.id} concerns block ${p.block}, not ${p.asked}: ask for that block's dossier`,
    zh: (p: { id: string; block: string; asked: string }) => `申请 ${p.id} 针对区块 ${p.block}，而非 ${p.asked}：请打开该区块的档案`,
  },
  MANY_CORNERS: {
    en: (p: { n: number; every: number }) => `${p.n} corners: the map labels every ${p.every}th; the table lists them all.`,
    zh: (p: { n: number; every: number }) => `共 ${p.n} 个拐点：图上每隔 ${p.every} 个标注一个，表中全部列出。`,
  },
});
