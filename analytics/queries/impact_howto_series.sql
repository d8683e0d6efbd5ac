-- How-to tickets and seats per account and week from @from_week to
-- @to_week, for the training-impact comparison. Seats are the largest
-- count of seats assigned among the account's workloads (the people who can
-- ask); weeks without tickets read 0.
SELECT s.account_id AS account_id, s.week AS week, s.seats AS seats, t.howto AS howto
FROM (
    SELECT account_id, week, max(seats_assigned) AS seats
    FROM workload_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM workload_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
    GROUP BY account_id, week
) AS s
ANY LEFT JOIN (
    SELECT account_id, week, howto
    FROM account_tickets_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM account_tickets_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
) AS t USING (account_id, week)
ORDER BY account_id, week
