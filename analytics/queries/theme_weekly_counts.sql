-- Tickets per theme and week from @from_week on, in the newest run of
-- @scope (theme_account_weekly), for the theme explorer's sparklines.
SELECT theme_id, week, sum(tickets) AS tickets
FROM theme_account_weekly
WHERE scope = @scope AND run_id = (SELECT max(run_id) FROM themes WHERE scope = @scope) AND week >= @from_week
GROUP BY theme_id, week
ORDER BY theme_id, week
