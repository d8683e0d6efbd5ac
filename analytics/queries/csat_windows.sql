-- Ratings per group in two windows, to test for a change: "before" is
-- @before_week … @split_week − 1, "after" @split_week … @to_week.
-- @dimension as in csat_by_period.
SELECT multiIf(@dimension = 'segment', a.segment, @dimension = 'category', t.category, @dimension = 'account', t.account_id,
               @dimension = 'workload', t.workload, '') AS grp,
       sumIf(rated, week < @split_week) AS rated_before, sumIf(rated_good, week < @split_week) AS good_before,
       sumIf(rated, week >= @split_week) AS rated_after, sumIf(rated_good, week >= @split_week) AS good_after
FROM (
    SELECT week, account_id, category, workload, rated, rated_good
    FROM ticket_weekly
    WHERE week >= @before_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @before_week AND week <= @to_week GROUP BY week)
) AS t
ANY LEFT JOIN (SELECT account_id, segment FROM accounts FINAL) AS a USING (account_id)
GROUP BY grp
ORDER BY grp
