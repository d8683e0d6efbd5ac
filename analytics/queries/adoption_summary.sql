-- Adoption per account and workload in the week @week (a Monday), with the
-- least-squares sums of its 12-week usage series (x: week 0 … 11, y: active
-- users over 28 days ÷ seats purchased × 100), from which Go computes the
-- trend and its interval (18.16 has no window functions), and the usage %
-- in week @before_x of the series. One week of workload_weekly, at its
-- newest version; the sums keep the arrays inside ClickHouse.
SELECT account_id, workload, seats_purchased, seats_assigned, active_28d, active_7d, actions_7d, monthly_value, priced_seats,
       currency, products,
       toFloat64(length(trend_y)) AS trend_n, toFloat64(arraySum(trend_x)) AS trend_sx, arraySum(trend_y) AS trend_sy,
       arraySum((x, y) -> x * y, trend_x, trend_y) AS trend_sxy, toFloat64(arraySum(x -> x * x, trend_x)) AS trend_sxx,
       arraySum(y -> y * y, trend_y) AS trend_syy,
       has(trend_x, toUInt8(@before_x)) AS has_before, arrayFirst((y, x) -> x = @before_x, trend_y, trend_x) AS usage_before
FROM workload_weekly
WHERE week = @week AND seats_purchased > 0
  AND version = (SELECT max(version) FROM workload_weekly WHERE week = @week)
ORDER BY account_id, workload
