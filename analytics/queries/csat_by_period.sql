-- Ratings per month (or quarter) and group over the weeks @from_week …
-- @to_week. A week counts in the month of its Thursday (the ISO 8601 rule),
-- so no week is split. @dimension picks the group: 'segment', 'category',
-- 'account', 'workload' or '' (all tickets).
SELECT if(@quarterly = 1, toStartOfQuarter(week + 3), toStartOfMonth(week + 3)) AS period,
       multiIf(@dimension = 'segment', a.segment, @dimension = 'category', t.category, @dimension = 'account', t.account_id,
               @dimension = 'workload', t.workload, '') AS grp,
       sum(rated) AS rated, sum(rated_good) AS rated_good, sum(tickets) AS tickets,
       sum(nps_responses) AS nps_n, sum(promoters) AS nps_promoters, sum(detractors) AS nps_detractors
FROM (
    SELECT week, account_id, category, workload, rated, rated_good, tickets, nps_responses, promoters, detractors
    FROM ticket_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
) AS t
ANY LEFT JOIN (SELECT account_id, segment FROM accounts FINAL) AS a USING (account_id)
GROUP BY period, grp
ORDER BY period, grp
