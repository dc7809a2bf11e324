-- auth_authorities: every issuing authority with its parent (自然资源部 → province 厅 → city 局).
SELECT name, parent, level FROM authorities
