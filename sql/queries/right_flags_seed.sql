-- right_flags_seed: load demo seizures and mortgages (data/demo/right_flags.json); every one is marked synthetic and
-- recorded from its start day. $1 jsonb [{block_id, kind, document_no, authority, beneficiary?, start_on, end_on?, note}]
INSERT INTO right_flags (block_id, kind, document_no, authority, beneficiary, start_on, end_on, note, synthetic, recorded_by, recorded_at)
SELECT e->>'block_id', e->>'kind', e->>'document_no', e->>'authority', e->>'beneficiary', (e->>'start_on')::date, (e->>'end_on')::date,
       e->>'note', true, 'demo', ((e->>'start_on') || 'T00:00:00+08:00')::timestamptz
FROM jsonb_array_elements($1::jsonb) e
