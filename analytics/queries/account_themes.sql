-- One account's tickets per theme from the week @from_week on, in the
-- newest how-to theme run (theme_account_weekly).
SELECT theme_id, sum(tickets) AS tickets
FROM theme_account_weekly
WHERE scope = 'howto' AND run_id = (SELECT max(run_id) FROM themes WHERE scope = 'howto')
  AND account_id = @account_id AND week >= @from_week
GROUP BY theme_id
ORDER BY tickets DESC, theme_id
