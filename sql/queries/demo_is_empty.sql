-- demo_is_empty: true when no block is stored yet (the demo data is then loaded on first start).
SELECT NOT EXISTS (SELECT 1 FROM blocks) AND NOT EXISTS (SELECT 1 FROM blocks_history) AS empty
