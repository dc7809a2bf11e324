-- 020: payments (issue 14 item 4): what a right owes (出让收益 instalments, usage fees), what was paid, and when.
--  * payment_terms: the contract's payment terms of a block (出让合同): the 出让收益 by amount (a listing's winning bid), the
--    share and due date of its first instalment, its dated later instalments, and the day usage fees fall due each year;
--  * payment_obligations: one row per amount due (its key is stable within the block: income-1, expl-fee-6,
--    mining-fee-2021-11-02), generated from the register and the terms by server/rules/payments.ts and kept as issued
--    (regenerating adds what is missing, never rewrites an amount already issued); due_date NULL = not yet due on a date
--    (the rest of a listing's 出让收益 before 转采);
--  * payments: recorded by a regulator against an obligation, its principal or its late fee (滞纳金).
-- Money in exact integers of 分 (bigint), never floating point. Every write is audited (server/audit).

CREATE TABLE payment_terms (
  block_id            text PRIMARY KEY,
  contract_doc        text,
  usage_fee_due_md    text CHECK (usage_fee_due_md IS NULL OR usage_fee_due_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  income_total_fen    bigint CHECK (income_total_fen IS NULL OR income_total_fen >= 0),
  income_first_ratio  numeric(6, 4) CHECK (income_first_ratio IS NULL OR income_first_ratio BETWEEN 0 AND 1),
  income_first_due    date,
  -- [{"due_date": "YYYY-MM-DD", "amount_fen": n}, …] after the first instalment
  income_instalments  jsonb,
  synthetic           boolean NOT NULL DEFAULT false,
  updated_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE payment_obligations (
  id            text PRIMARY KEY,
  block_id      text NOT NULL,
  key           text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('transfer_income', 'exploration_usage_fee', 'mining_usage_fee')),
  period_from   date,
  period_to     date,
  due_date      date,
  amount_fen    bigint NOT NULL CHECK (amount_fen >= 0),
  rule          text NOT NULL,
  citation      text NOT NULL,
  source        text NOT NULL,
  -- the description and arithmetic it was issued with ({description: Message, steps: Step[]})
  basis         jsonb NOT NULL,
  synthetic     boolean NOT NULL DEFAULT false,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (block_id, key)
);
CREATE INDEX payment_obligations_due ON payment_obligations (due_date);

CREATE SEQUENCE payment_seq;
CREATE TABLE payments (
  id                   text PRIMARY KEY DEFAULT ('PAY-' || lpad(nextval('payment_seq')::text, 6, '0')),
  obligation_id        text NOT NULL REFERENCES payment_obligations (id),
  part                 text NOT NULL DEFAULT 'principal' CHECK (part IN ('principal', 'late_fee')),
  paid_on              date NOT NULL,
  amount_fen           bigint NOT NULL CHECK (amount_fen > 0),
  receipt_no           text,
  note                 text,
  synthetic            boolean NOT NULL DEFAULT false,
  recorded_by          text NOT NULL,
  recorded_by_user_id  bigint,
  recorded_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX payments_obligation ON payments (obligation_id, paid_on);
