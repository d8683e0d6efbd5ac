-- Seats assigned and users active over 28 days per account, week and
-- workload (only @workloads), for the training-impact comparison.
SELECT s.account_id AS account_id, s.workload AS workload, s.week AS week, s.seats_assigned AS seats_assigned, a.active_28d AS active_28d
FROM (
    SELECT week, account_id, workload, seats_assigned
    FROM seats_weekly
    WHERE week >= @from_week AND week <= @to_week AND seats_assigned > 0 AND has(@workloads, workload)
      AND (week, version) IN (SELECT week, max(version) FROM seats_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
) AS s
ANY LEFT JOIN (
    SELECT week, account_id, workload, active_28d
    FROM adoption_weekly
    WHERE week >= @from_week AND week <= @to_week AND has(@workloads, workload)
      AND (week, version) IN (SELECT week, max(version) FROM adoption_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
) AS a USING (week, account_id, workload)
ORDER BY account_id, workload, week
