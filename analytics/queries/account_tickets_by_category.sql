-- One account's tickets per category over @from_week … @to_week
-- (ticket_weekly, newest version of each week).
SELECT category, sum(tickets) AS tickets
FROM ticket_weekly
WHERE account_id = @account_id AND week >= @from_week AND week <= @to_week
  AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
GROUP BY category
ORDER BY tickets DESC, category
