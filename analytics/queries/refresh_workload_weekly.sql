-- Rewrites workload_weekly for the weeks @from_week … @to_week: seats
-- (seats_weekly) with the users active on them (adoption_weekly), each at
-- its newest version. A workload with seats and no activity reads 0 active.
INSERT INTO workload_weekly (week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products,
    active_7d, active_28d, actions_7d, version)
SELECT week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products,
       active_7d, active_28d, actions_7d, @version
FROM (
    SELECT week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products
    FROM seats_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM seats_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
) AS s
ANY LEFT JOIN (
    SELECT week, account_id, workload, active_7d, active_28d, actions_7d
    FROM adoption_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM adoption_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
) AS a USING (week, account_id, workload)
