-- Every account's name and firmographics, for peer groups and labels.
SELECT account_id, name, segment, industry, country, employees, account_manager
FROM accounts FINAL
ORDER BY account_id
