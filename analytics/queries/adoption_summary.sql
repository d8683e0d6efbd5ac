-- Adoption per account and workload in the week @week (a Monday), with the
-- 12 weeks up to it as regression sums: x is the week (0 … 11), y the usage %
-- that week (active users over 28 days ÷ seats purchased × 100). Go turns the
-- sums into the trend's slope and confidence interval (18.16 has no window
-- functions). workload_weekly is read at its newest version of each week.
SELECT account_id, workload,
       argMax(seats_purchased, week) AS seats_purchased,
       argMax(seats_assigned, week) AS seats_assigned,
       argMax(active_28d, week) AS active_28d,
       argMax(active_7d, week) AS active_7d,
       argMax(actions_7d, week) AS actions_7d,
       argMax(monthly_value, week) AS monthly_value,
       argMax(priced_seats, week) AS priced_seats,
       argMax(currency, week) AS currency,
       argMax(products, week) AS products,
       count() AS weeks, sum(x) AS sum_x, sum(y) AS sum_y, sum(x * y) AS sum_xy, sum(x * x) AS sum_xx, sum(y * y) AS sum_yy,
       sumIf(y, x = 11 - @decline_weeks) AS usage_before, countIf(x = 11 - @decline_weeks) AS has_before
FROM (
    SELECT week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products,
           active_28d, active_7d, actions_7d,
           toFloat64((week - (@week - 77)) / 7) AS x,
           100 * active_28d / seats_purchased AS y
    FROM workload_weekly
    WHERE week >= @week - 77 AND week <= @week AND seats_purchased > 0
      AND (week, version) IN (SELECT week, max(version) FROM workload_weekly WHERE week >= @week - 77 AND week <= @week GROUP BY week)
)
GROUP BY account_id, workload
HAVING max(week) = @week
ORDER BY account_id, workload
