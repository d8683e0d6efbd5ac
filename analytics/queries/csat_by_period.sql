-- Ratings and NPS answers per month (or quarter) and group over the weeks
-- @from_week … @to_week. A week counts in the month of its Thursday (the
-- ISO 8601 rule), so no week is split. @dimension: 'segment', 'country', 'account' or
-- '' (all tickets) read account_tickets_weekly; 'category' and 'workload'
-- read the finer ticket_weekly.
SELECT period, multiIf(@dimension = 'segment', a.segment, @dimension = 'country', a.country, @dimension = 'account', t.account_id, t.g) AS grp,
       sum(n_rated) AS rated, sum(n_good) AS rated_good, sum(n_tickets) AS tickets,
       sum(n_nps) AS nps_n, sum(n_promoters) AS nps_promoters, sum(n_detractors) AS nps_detractors
FROM (
    SELECT if(@quarterly = 1, toStartOfQuarter(week + 3), toStartOfMonth(week + 3)) AS period, account_id, '' AS g,
           sum(rated) AS n_rated, sum(rated_good) AS n_good, sum(tickets) AS n_tickets,
           sum(nps_responses) AS n_nps, sum(promoters) AS n_promoters, sum(detractors) AS n_detractors
    FROM account_tickets_weekly
    WHERE @dimension IN ('', 'segment', 'country', 'account') AND week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM account_tickets_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
    GROUP BY period, account_id
    UNION ALL
    SELECT if(@quarterly = 1, toStartOfQuarter(week + 3), toStartOfMonth(week + 3)) AS period, '' AS account_id,
           if(@dimension = 'category', category, workload) AS g,
           sum(rated) AS n_rated, sum(rated_good) AS n_good, sum(tickets) AS n_tickets,
           sum(nps_responses) AS n_nps, sum(promoters) AS n_promoters, sum(detractors) AS n_detractors
    FROM ticket_weekly
    WHERE @dimension IN ('category', 'workload') AND week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
    GROUP BY period, g
) AS t
ANY LEFT JOIN (SELECT account_id, segment, country FROM accounts FINAL) AS a USING (account_id)
GROUP BY period, grp
ORDER BY period, grp
