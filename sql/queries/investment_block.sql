-- investment_block: $1 block id → what the annual check needs of a block: who holds and issued it, kind, mineral,
-- status, first registration and validity, the licensed area on record (NULL = the geometry's), the geometry's area and
-- the transfer contract's investment standard (block_terms, 004), or no row.
SELECT b.id, b.name, b.holder, b.authority, b.kind, b.mineral, b.status,
       b.first_registration_date::text AS first_registration_date, b.valid_from::text AS valid_from,
       b.valid_to::text AS valid_to, b.area_km2, b.licensed_area_km2,
       t.contract_investment_cny_per_km2_year, t.contract_doc
FROM blocks b LEFT JOIN block_terms t ON t.block_id = b.id
WHERE b.id = $1
