-- One account's usage % per workload and week over @from_week … @to_week
-- (workload_weekly, newest version of each week), for its adoption chart.
SELECT week, workload, seats_purchased, active_28d
FROM workload_weekly
WHERE account_id = @account_id AND week >= @from_week AND week <= @to_week AND seats_purchased > 0
  AND (week, version) IN (SELECT week, max(version) FROM workload_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
ORDER BY week, workload
