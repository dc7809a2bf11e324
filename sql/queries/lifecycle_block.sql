-- lifecycle_block: $1 block id → the block's register facts for lifecycle rules:
-- licensed area (ellipsoidal km², from its geometry), the proven-reserve area inside it (union of its
-- proven reserve polygons clipped to the block, ellipsoidal km²), the earliest reserve submission date;
-- the licensed area on record (NULL = the geometry's area; reduced by offsets, 004) and the block's
-- documentary terms (the two COVID approvals of 1333号, 015; contract terms; block_terms, 004);
-- from the applications register (016, issue 14 item 2, R-VAL-6): the day (China time, UTC+8) the earliest conversion
-- application of the block still standing (submitted, accepted or approved) was submitted, and the day one was approved.
SELECT b.id, b.name, b.licence_no, b.holder, b.kind, b.mineral, b.status, b.acquisition_method, b.authority,
       b.first_registration_date, b.first_registration_area_km2, b.valid_from, b.valid_to, b.extensions_used,
       b.basin, b.province_registered, b.area_km2, b.licensed_area_km2,
       t.covid_term_extension_doc, t.covid_investment_reduction_doc, t.added_to_right, t.contract_investment_cny_per_km2_year, t.contract_doc, t.committed_completion_ratio,
       t.contract_reduction_ratio, t.contract_refusal_completion_below,
       t.mining_registration_completed_date::text AS mining_registration_completed_date,
       COALESCE((SELECT ST_Area(kq_intersection(kq_union(ST_Collect(r.geom)), b.geom)::geography) / 1e6
                   FROM reserves r WHERE r.block_id = b.id AND r.kind = 'proven'), 0) AS proven_km2,
       COALESCE((SELECT ST_Area(kq_intersection(kq_union(ST_Collect(r.geom)), b.geom)::geography) / 1e6
                   FROM reserves r WHERE r.block_id = b.id), 0) AS reserves_all_km2,
       (SELECT min(r.submitted_date) FROM reserves r WHERE r.block_id = b.id AND r.kind = 'proven') AS proven_submitted_date,
       (SELECT min(((a.submitted_at AT TIME ZONE 'UTC') + interval '8 hours')::date)::text FROM applications a
         WHERE a.block_id = b.id AND a.kind = 'conversion' AND a.state IN ('submitted', 'accepted', 'approved')) AS conversion_applied_on,
       (SELECT min(((a.decided_at AT TIME ZONE 'UTC') + interval '8 hours')::date)::text FROM applications a
         WHERE a.block_id = b.id AND a.kind = 'conversion' AND a.state = 'approved') AS conversion_approved_on
FROM blocks b LEFT JOIN block_terms t ON t.block_id = b.id
WHERE b.id = $1
