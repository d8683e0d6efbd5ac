-- One row per account in scope (@manager: one account manager's accounts,
-- @account_id: one account; each or both empty for all): firmographics, each workload's usage % in the week
-- @week (workload_weekly), tickets, how-to tickets and ratings over the
-- weeks @from_week … @to_week (account_tickets_weekly), and the upsell
-- value stored at the last refresh (upsell_chances, set @upsell_version).
-- The scope is applied in every subquery, so one account reads little.
SELECT account_id, name, segment, industry, country, account_manager,
       workloads, usage_pcts, seats_by_workload, seats, tickets, howto, rated, rated_good, upsell_value, upsell_chances
FROM (
    SELECT account_id, name, segment, industry, country, account_manager,
           workloads, usage_pcts, seats_by_workload, seats, tickets, howto, rated, rated_good
    FROM (
        SELECT account_id, name, segment, industry, country, account_manager,
               workloads, usage_pcts, seats_by_workload, seats
        FROM (
            SELECT account_id, name, segment, industry, country, account_manager
            FROM accounts FINAL
            WHERE (@manager = '' OR account_manager = @manager) AND (@account_id = '' OR account_id = @account_id)
        ) AS a
        ANY LEFT JOIN (
            SELECT account_id, groupArray(workload) AS workloads, groupArray(100 * active_28d / seats_purchased) AS usage_pcts,
                   groupArray(seats_purchased) AS seats_by_workload, max(seats_purchased) AS seats
            FROM workload_weekly
            WHERE week = @week AND seats_purchased > 0
              AND version = (SELECT max(version) FROM workload_weekly WHERE week = @week)
              AND (@account_id = '' OR account_id = @account_id)
              AND (@manager = '' OR account_id IN (SELECT account_id FROM accounts FINAL WHERE account_manager = @manager))
            GROUP BY account_id
        ) AS w USING (account_id)
    ) AS aw
    ANY LEFT JOIN (
        SELECT account_id, sum(tickets) AS tickets, sum(howto) AS howto, sum(rated) AS rated, sum(rated_good) AS rated_good
        FROM account_tickets_weekly
        WHERE week >= @from_week AND week <= @to_week
          AND (week, version) IN (SELECT week, max(version) FROM account_tickets_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
          AND (@account_id = '' OR account_id = @account_id)
          AND (@manager = '' OR account_id IN (SELECT account_id FROM accounts FINAL WHERE account_manager = @manager))
        GROUP BY account_id
    ) AS t USING (account_id)
) AS awt
ANY LEFT JOIN (
    SELECT account_id, sum(value) AS upsell_value, count() AS upsell_chances
    FROM upsell_chances
    WHERE version = @upsell_version
      AND (@account_id = '' OR account_id = @account_id)
      AND (@manager = '' OR account_id IN (SELECT account_id FROM accounts FINAL WHERE account_manager = @manager))
    GROUP BY account_id
) AS u USING (account_id)
ORDER BY account_id
