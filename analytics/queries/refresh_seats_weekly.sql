-- Rewrites seats_weekly for the weeks @from_week … @to_week (Mondays). For
-- each subscription and week the newest snapshot taken by the week's Sunday
-- counts; before a subscription's first snapshot its earliest one does (a
-- single current snapshot then stands for every week), and after its end
-- date it counts no seats. unit_price is a monthly price per seat.
INSERT INTO seats_weekly (week, account_id, workload, seats_purchased, seats_assigned, monthly_value, priced_seats, currency, products, version)
SELECT w, account_id, workload,
       sum(snap.2) AS purchased, sum(snap.3), sum(snap.2 * snap.4), sumIf(snap.2, snap.4 > 0),
       any(currency), arrayStringConcat(arraySort(groupUniqArray(snap.5)), ', '), @version
FROM (
    SELECT account_id, subscription_id, w, workload, currency, end_date,
           if(empty(arrayFilter(s -> s.1 <= w + 6, snaps)), snaps[1], arrayFilter(s -> s.1 <= w + 6, snaps)[-1]) AS snap
    FROM (
        SELECT account_id, subscription_id, argMax(workload, snapshot_date) AS workload, argMax(currency, snapshot_date) AS currency,
               argMax(end_date, snapshot_date) AS end_date,
               arraySort(groupArray((snapshot_date, seats_purchased, seats_assigned, ifNull(unit_price, 0), product))) AS snaps
        FROM subscriptions FINAL
        GROUP BY account_id, subscription_id
    )
    ARRAY JOIN arrayMap(i -> @from_week + 7 * i, range(toUInt32((@to_week - @from_week) / 7 + 1))) AS w
    WHERE isNull(end_date) OR end_date >= w
)
GROUP BY w, account_id, workload
