-- Tickets per account and theme from @from, for course recommendations;
-- only pairs with at least @min_tickets (one question is not a need).
SELECT account_id, theme_id, count() AS tickets
FROM ticket_themes FINAL
WHERE scope = @scope AND theme_id != '' AND created_at >= @from
GROUP BY account_id, theme_id
HAVING tickets >= @min_tickets
ORDER BY account_id, tickets DESC
