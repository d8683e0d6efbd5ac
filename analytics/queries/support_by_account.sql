-- Support load per account over the weeks @from_week … @to_week (Mondays):
-- tickets, how-to tickets, response and resolution times, SLA counts,
-- escalations and ratings (account_tickets_weekly, newest version of each
-- week); seats = the largest seat count among the account's workloads in
-- the last week (about its licensed head count).
SELECT t.account_id AS account_id, n_tickets AS tickets, n_howto AS howto, n_escalated AS escalated, n_responded AS responded,
       sum_response AS response_minutes, n_response_in_target AS response_in_target,
       n_resolved AS resolved, sum_resolution AS resolution_minutes, n_resolution_in_target AS resolution_in_target,
       n_rated AS rated, n_rated_good AS rated_good, seats
FROM (
    SELECT account_id, sum(tickets) AS n_tickets, sum(howto) AS n_howto, sum(escalated) AS n_escalated,
           sum(responded) AS n_responded, sum(response_minutes) AS sum_response, sum(response_in_target) AS n_response_in_target,
           sum(resolved) AS n_resolved, sum(resolution_minutes) AS sum_resolution, sum(resolution_in_target) AS n_resolution_in_target,
           sum(rated) AS n_rated, sum(rated_good) AS n_rated_good
    FROM account_tickets_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM account_tickets_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
    GROUP BY account_id
) AS t
ANY LEFT JOIN (
    SELECT account_id, max(seats_purchased) AS seats
    FROM workload_weekly
    WHERE week = @to_week AND (week, version) IN (SELECT week, max(version) FROM workload_weekly WHERE week = @to_week GROUP BY week)
    GROUP BY account_id
) AS s USING (account_id)
ORDER BY account_id
