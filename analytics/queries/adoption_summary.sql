-- Adoption per account and workload in the week @week (a Monday), with the
-- usage % of the 12 weeks up to it (trend_x: week 0 … 11, trend_y: active
-- users over 28 days ÷ seats purchased × 100), from which Go computes the
-- trend (18.16 has no window functions). One week of workload_weekly, at
-- its newest version.
SELECT account_id, workload, seats_purchased, seats_assigned, active_28d, active_7d, actions_7d, monthly_value, priced_seats,
       currency, products, trend_x, trend_y
FROM workload_weekly
WHERE week = @week AND seats_purchased > 0
  AND version = (SELECT max(version) FROM workload_weekly WHERE week = @week)
ORDER BY account_id, workload
