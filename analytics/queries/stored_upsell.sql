-- Upsell chances stored at the last refresh (set @version), highest value
-- first; @manager, when not empty, keeps one account manager's accounts.
SELECT kind, account_id, account_name, manager, workload, value, currency, value_basis, evidence, rule
FROM upsell_chances
WHERE version = @version AND (@manager = '' OR manager = @manager)
ORDER BY position
