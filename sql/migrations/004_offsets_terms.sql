-- 004: what the rules need beyond the geometry (issue 11).
--  * blocks.licensed_area_km2: the licensed area on record (勘查许可证载明面积). NULL means "the geometry's
--    ellipsoidal area" (area_km2). An offset (抵扣, 晋自然资发〔2020〕11号 四（二）1) reduces it by a change
--    registration of area only; the history trigger (003) keeps the previous version in blocks_history.
--    The geometry is redrawn only when the surveyed extent of the given-up area is registered.
--  * block_terms: per-block facts from documents rather than from the map —
--    the COVID approval (晋自然资函〔2020〕1333号 approved named projects on application) and the
--    contract terms of a transfer contract (出让合同): its minimum-investment standard, the committed
--    investment completed, the cut and the refusal threshold the contract sets (11号 四（三）).
--  * offsets.regime / offsets.receiver_credit_km2: the regime under which the offset was checked and the
--    credit it gives the receiving block against its due reduction (“本区块未核减”).

ALTER TABLE blocks ADD COLUMN licensed_area_km2 double precision CHECK (licensed_area_km2 IS NULL OR licensed_area_km2 >= 0);
ALTER TABLE blocks_history ADD COLUMN licensed_area_km2 double precision;

CREATE TABLE block_terms (
  block_id                              text PRIMARY KEY,
  -- e.g. '晋自然资函〔2020〕1333号 附件2'; NULL = no COVID approval on record
  covid_approval_doc                    text,
  -- contract's minimum-investment standard (CNY/km²/yr), e.g. 30000 for 榆社-武乡 (000:L7132)
  contract_investment_cny_per_km2_year  double precision CHECK (contract_investment_cny_per_km2_year IS NULL OR contract_investment_cny_per_km2_year >= 0),
  contract_doc                          text,
  -- share of the investment committed in the contract (承诺投入) actually completed, 0..1
  committed_completion_ratio            double precision CHECK (committed_completion_ratio IS NULL OR committed_completion_ratio BETWEEN 0 AND 1),
  -- the cut the contract sets when the committed investment is unfinished, 0..1 of the base
  contract_reduction_ratio              double precision CHECK (contract_reduction_ratio IS NULL OR contract_reduction_ratio BETWEEN 0 AND 1),
  -- the contract refuses the extension when the completed share is below this, 0..1 (11号 四（三）: 30%)
  contract_refusal_completion_below     double precision CHECK (contract_refusal_completion_below IS NULL OR contract_refusal_completion_below BETWEEN 0 AND 1),
  -- a mining registration has been completed (转采登记完成, 273号令 第二十一条)
  mining_registration_completed_date    date,
  synthetic                             boolean NOT NULL DEFAULT false
);

ALTER TABLE offsets ADD COLUMN regime text;
ALTER TABLE offsets ADD COLUMN receiver_credit_km2 double precision;
CREATE INDEX offsets_from_block ON offsets (from_block);
CREATE INDEX offsets_to_block ON offsets (to_block);
