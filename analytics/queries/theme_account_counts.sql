-- Tickets per account and theme from @from, for course recommendations.
SELECT account_id, theme_id, count() AS tickets
FROM ticket_themes FINAL
WHERE scope = @scope AND theme_id != '' AND created_at >= @from
GROUP BY account_id, theme_id
ORDER BY account_id, tickets DESC
