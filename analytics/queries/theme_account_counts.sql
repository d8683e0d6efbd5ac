-- Tickets per account and theme from the week @from_week on, in the newest
-- theme run of @scope, for course recommendations; only pairs with at least
-- @min_tickets (one question is not a need).
SELECT account_id, theme_id, sum(tickets) AS tickets
FROM theme_account_weekly
WHERE scope = @scope AND run_id = (SELECT max(run_id) FROM themes WHERE scope = @scope)
  AND week >= @from_week AND theme_id != ''
GROUP BY account_id, theme_id
HAVING tickets >= @min_tickets
ORDER BY account_id, tickets DESC
