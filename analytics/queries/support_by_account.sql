-- Support load per account over the weeks @from_week … @to_week (Mondays):
-- tickets, how-to tickets, response and resolution times, SLA counts,
-- escalations and ratings (ticket_weekly, newest version of each week);
-- seats = the largest seat count among the account's workloads in the
-- last week (about its licensed head count).
SELECT t.account_id AS account_id, tickets, howto, escalated, responded, response_minutes, response_in_target, response_median,
       resolved, resolution_minutes, resolution_in_target, resolution_median, rated, rated_good, seats
FROM (
    SELECT account_id, sum(tickets) AS tickets, sumIf(tickets, category = 'howto') AS howto, sum(escalated) AS escalated,
           sum(responded) AS responded, sum(response_minutes) AS response_minutes, sum(response_in_target) AS response_in_target,
           quantileTDigestIfMerge(0.5)(response_median) AS response_median,
           sum(resolved) AS resolved, sum(resolution_minutes) AS resolution_minutes, sum(resolution_in_target) AS resolution_in_target,
           quantileTDigestIfMerge(0.5)(resolution_median) AS resolution_median,
           sum(rated) AS rated, sum(rated_good) AS rated_good
    FROM ticket_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
    GROUP BY account_id
) AS t
ANY LEFT JOIN (
    SELECT account_id, max(seats_purchased) AS seats
    FROM seats_weekly
    WHERE week = @to_week AND (week, version) IN (SELECT week, max(version) FROM seats_weekly WHERE week = @to_week GROUP BY week)
    GROUP BY account_id
) AS s USING (account_id)
ORDER BY account_id
