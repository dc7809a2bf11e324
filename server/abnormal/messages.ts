/** The sentences of the abnormal list's publication (issue 14 item 3), in both languages. */
import { defineMessages } from '../i18n/message';

export const ABNORMAL_SAY = defineMessages({
  AUTHORITY_REQUIRED: {
    en: () => 'name the authority whose abnormal list is published',
    zh: () => '请指定发布异常名录的登记机关',
  },
  YEAR_NOT_DUE: {
    en: (p: { year: number; deadline: string }) =>
      `the figures of ${p.year} are due by ${p.deadline}: its list can be published after that day`,
    zh: (p: { year: number; deadline: string }) => `${p.year} 年度信息的填报截止日为 ${p.deadline}：该日之后方可发布该年度异常名录`,
  },
});
