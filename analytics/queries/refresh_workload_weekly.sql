-- Rewrites workload_weekly for the weeks @from_week … @to_week: seats
-- (seats_weekly) with the users active on them (adoption_weekly), each at
-- its newest version, and each week's 12-week usage series for the trend.
-- Every joined week is spread over the 12 weeks whose series contain it
-- (ARRAY JOIN); a week with seats and no activity reads 0 active.
INSERT INTO workload_weekly (week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products,
    active_7d, active_28d, actions_7d, trend_x, trend_y, version)
SELECT w, account_id, workload,
       sumIf(seats_purchased, week = w), sumIf(seats_assigned, week = w), sumIf(monthly_value, week = w), sumIf(priced_seats, week = w),
       anyIf(currency, week = w), anyIf(products, week = w),
       sumIf(active_7d, week = w), sumIf(active_28d, week = w), sumIf(actions_7d, week = w),
       groupArray(toUInt8((week - (w - 77)) / 7)), groupArray(100 * active_28d / seats_purchased), @version
FROM (
    SELECT week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products,
           active_7d, active_28d, actions_7d
    FROM (
        SELECT week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products
        FROM seats_weekly
        WHERE week >= @from_week - 77 AND week <= @to_week AND seats_purchased > 0
          AND (week, version) IN (SELECT week, max(version) FROM seats_weekly WHERE week >= @from_week - 77 AND week <= @to_week GROUP BY week)
    ) AS s
    ANY LEFT JOIN (
        SELECT week, account_id, workload, active_7d, active_28d, actions_7d
        FROM adoption_weekly
        WHERE week >= @from_week - 77 AND week <= @to_week
          AND (week, version) IN (SELECT week, max(version) FROM adoption_weekly WHERE week >= @from_week - 77 AND week <= @to_week GROUP BY week)
    ) AS a USING (week, account_id, workload)
)
ARRAY JOIN arrayFilter(v -> v >= @from_week AND v <= @to_week, arrayMap(i -> week + 7 * i, range(12))) AS w
GROUP BY w, account_id, workload
HAVING countIf(week = w) > 0
