-- Seats assigned and users active over 28 days per account, week and
-- workload (only @workloads), for the training-impact comparison.
SELECT account_id, workload, week, seats_assigned, active_28d
FROM workload_weekly
WHERE week >= @from_week AND week <= @to_week AND seats_assigned > 0 AND has(@workloads, workload)
  AND (week, version) IN (SELECT week, max(version) FROM workload_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
ORDER BY account_id, workload, week
