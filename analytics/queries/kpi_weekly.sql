-- Partner-wide figures per week over @from_week … @to_week, for the
-- executives' trends: tickets and how-to tickets (account_tickets_weekly),
-- seats (the largest seat count of each account, summed) and users active
-- over 28 days against seats purchased (workload_weekly). Newest versions.
SELECT week, tickets, howto, rated, rated_good, seats, seats_purchased, active_28d
FROM (
    SELECT week, sum(tickets) AS tickets, sum(howto) AS howto, sum(rated) AS rated, sum(rated_good) AS rated_good
    FROM account_tickets_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM account_tickets_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
      AND (@manager = '' OR account_id IN (SELECT account_id FROM accounts FINAL WHERE account_manager = @manager))
    GROUP BY week
) AS t
ALL FULL OUTER JOIN (
    SELECT week, sum(account_seats) AS seats, sum(purchased) AS seats_purchased, sum(active) AS active_28d
    FROM (
        SELECT week, account_id, max(seats_purchased) AS account_seats, sum(seats_purchased) AS purchased, sum(active_28d) AS active
        FROM workload_weekly
        WHERE week >= @from_week AND week <= @to_week
          AND (week, version) IN (SELECT week, max(version) FROM workload_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
          AND (@manager = '' OR account_id IN (SELECT account_id FROM accounts FINAL WHERE account_manager = @manager))
        GROUP BY week, account_id
    )
    GROUP BY week
) AS w USING (week)
ORDER BY week
