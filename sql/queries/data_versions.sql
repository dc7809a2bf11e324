-- data_versions: every layer's data version (bumped by trigger on each write; see migration 013).
SELECT layer, version::text AS version FROM data_versions
