-- Upsell chances stored at the last refresh (set @version), highest value
-- first; @manager and @account_id, when not empty, keep one account
-- manager's accounts or one account.
SELECT kind, account_id, account_name, manager, workload, value, currency, value_basis, evidence, rule
FROM upsell_chances
WHERE version = @version AND (@manager = '' OR manager = @manager) AND (@account_id = '' OR account_id = @account_id)
ORDER BY position
