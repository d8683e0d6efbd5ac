-- The tickets a theme run reads: one scope of categories (@categories;
-- empty: every ticket), newest state of each ticket.
SELECT account_id, source, ticket_id, created_at, subject, body, language, workload, category, satisfaction
FROM tickets FINAL
WHERE empty(@categories) OR has(@categories, category)
ORDER BY created_at, account_id, source, ticket_id
