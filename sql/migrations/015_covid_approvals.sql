-- 015: the two COVID approvals of 晋自然资函〔2020〕1333号 as two facts (issue 11, item 7).
-- The letter approved two different things for different projects, on application:
--  * 一 / 附件1 (000:L6201, L6225-6245): “延长勘查期限96天（考核期相应后延）” for the blocks the province granted publicly in
--    2017 and 2019 — a longer term, re-issued with a supplementary contract (三, 000:L6205-6207); no investment is reduced;
--  * 二 / 附件2 (000:L6203, L6247-6262): “在延续（变更）登记时据实核减其受疫情影响期间最低勘查投入” for administratively
--    granted rights — a reduction of the minimum investment of the affected period; the term is unchanged.
-- block_terms.covid_approval_doc (004) stood for both, so a block recorded under 附件1 got the investment reduction.
-- Existing values naming 附件1 become a term extension; every other value keeps its former effect (the reduction).
ALTER TABLE block_terms ADD COLUMN covid_term_extension_doc text;
ALTER TABLE block_terms ADD COLUMN covid_investment_reduction_doc text;
UPDATE block_terms SET covid_term_extension_doc = covid_approval_doc
 WHERE covid_approval_doc LIKE '%附件1%' OR covid_approval_doc LIKE '%附件 1%';
UPDATE block_terms SET covid_investment_reduction_doc = covid_approval_doc
 WHERE covid_approval_doc IS NOT NULL AND covid_term_extension_doc IS NULL;
ALTER TABLE block_terms DROP COLUMN covid_approval_doc;

-- The right a CBM exploration right was added to (增列, 273号令 第十一条, 000:L3348: “已设立煤炭、油气矿业权……也可以增列
-- 煤层气探矿权”). 11号 四（四） (000:L4268) sets the cut of a COAL right's addition (by the unfinished committed investment);
-- no seed sets one for an oil/gas right's addition. NULL = not recorded (the service says so when it matters).
ALTER TABLE block_terms ADD COLUMN added_to_right text CHECK (added_to_right IS NULL OR added_to_right IN ('coal', 'oil_gas'));
