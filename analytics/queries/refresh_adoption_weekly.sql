-- Rewrites adoption_weekly for the weeks @from_week … @to_week (Mondays).
-- A user is active in a week with any activity that week (active_7d), and
-- over 28 days when active in that week or one of the three before it
-- (active_28d: the 28 days ending on the week's Sunday). FINAL keeps one row
-- per user and day when overlapping reports were loaded; user ids are hashed
-- first, which halves the time and memory of the distinct counts.
INSERT INTO adoption_weekly (week, account_id, workload, active_7d, active_28d, actions_7d, version)
SELECT w, account_id, workload, uniqExactIf(user_hash, user_week = w), uniqExact(user_hash), sumIf(actions, user_week = w), @version
FROM (
    SELECT account_id, workload, cityHash64(user_id) AS user_hash, toMonday(day) AS user_week, sum(activity_count) AS actions
    FROM usage FINAL
    WHERE day >= @from_week - 21 AND day <= @to_week + 6 AND activity_count > 0
    GROUP BY account_id, workload, user_hash, user_week
)
ARRAY JOIN [user_week, user_week + 7, user_week + 14, user_week + 21] AS w
WHERE w >= @from_week AND w <= @to_week
GROUP BY w, account_id, workload
