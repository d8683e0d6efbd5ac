-- Ratings per group in two windows, to test for a change: "before" is
-- @before_week … @split_week − 1, "after" @split_week … @to_week.
-- @dimension as in csat_by_period.
SELECT multiIf(@dimension = 'segment', a.segment, @dimension = 'country', a.country, @dimension = 'account', t.account_id, t.g) AS grp,
       sum(rb) AS rated_before, sum(gb) AS good_before, sum(ra) AS rated_after, sum(ga) AS good_after
FROM (
    SELECT account_id, '' AS g,
           sumIf(rated, week < @split_week) AS rb, sumIf(rated_good, week < @split_week) AS gb,
           sumIf(rated, week >= @split_week) AS ra, sumIf(rated_good, week >= @split_week) AS ga
    FROM account_tickets_weekly
    WHERE @dimension IN ('', 'segment', 'country', 'account') AND week >= @before_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM account_tickets_weekly WHERE week >= @before_week AND week <= @to_week GROUP BY week)
    GROUP BY account_id
    UNION ALL
    SELECT '' AS account_id, if(@dimension = 'category', category, workload) AS g,
           sumIf(rated, week < @split_week) AS rb, sumIf(rated_good, week < @split_week) AS gb,
           sumIf(rated, week >= @split_week) AS ra, sumIf(rated_good, week >= @split_week) AS ga
    FROM ticket_weekly
    WHERE @dimension IN ('category', 'workload') AND week >= @before_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @before_week AND week <= @to_week GROUP BY week)
    GROUP BY g
) AS t
ANY LEFT JOIN (SELECT account_id, segment, country FROM accounts FINAL) AS a USING (account_id)
GROUP BY grp
ORDER BY grp
