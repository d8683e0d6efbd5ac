// Package generate writes a realistic, deterministic sample data set in the
// generic CSV formats: accounts, weekly seat snapshots, daily per-user usage,
// tickets in English, French and German, a course catalogue and trainings.
//
// The data has the texture of real exports: accounts of many sizes, adoption
// that ramps up for new customers and new staff, weekends, public holidays,
// an August and a Christmas dip, paraphrased tickets with typos and mixed
// languages. Into it are planted the cases Uptake must find, and what was
// planted is written to the truth/ subfolder, which "uptake ingest OUT/*.csv"
// does not pick up. An account has at most one planted case (onboarding
// only comes to accounts with none).
//
// truth/ground_truth_accounts.csv (account_id, flag, workload, since,
// detail) has one row per planted case; an empty workload means all of them.
// The details of the first five flags are prose, those of the others
// "key=value; key=value" lists of figures from the model:
//
//   - low_adoption: 6–18 % of licensed users (at least two) use the workload.
//   - declining: usage slides from since to the end (one workload or all).
//   - near_seat_cap: 95–100 % of the seats bought are assigned.
//   - trained: a course on the workload was delivered on since (course id).
//   - onboarding: a new customer whose adoption ramps up from since.
//   - satisfaction_drop: from since (a Monday) the account's ratings fall;
//     good_share_before/after is the expected share of ratings 4–5 (0.78
//     before, 30–45 points lower after), mean_before/after the mean rating
//     (4.08 before, 0.7–1.0 lower after),
//     rated_before/after about how many ratings each side has (at least 40).
//   - satisfaction_rise: the reverse, back to the ordinary level from since.
//   - upgrade: on an entry plan, most users (85–95 %, each doing 3–4.5
//     times the typical user's daily actions, on most working days) work a
//     workload that 92–98 % of the staff use far harder than anyone else;
//     current and suggested plan, price_difference per seat and month in
//     currency, actions_per_active_day of the account's users against the
//     typical user's, users_over_2x. Ordinary users stay under 1.65 times
//     the typical user's daily actions.
//   - unused_workload: seats bought and assigned, but only active_share of
//     the licensed users (under 3 %) use it; ordinary adoption levels start
//     at 42 % or more, low adoption at 6 %.
//
// Satisfaction is otherwise level: ratings judge a ticket against the
// partner's pace of the time, so the summer and the partner's speed-up over
// the window do not move it. Every account is on an entry plan (Exchange
// Online (Plan 1), Teams Essentials, SharePoint and OneDrive (Plan 1), Apps
// for business) or a higher one (Plan 2, Teams Enterprise, Apps for
// enterprise), named in subscriptions.csv with its price.
//
// truth/ground_truth_training_effect.csv (account_id, training_id,
// course_id, workload, delivered_on, weeks, adoption_points_effect,
// howto_per_100_seats_effect) has one row per training with 8 full weeks
// before its week of delivery and 8 after it (from the next Monday) inside
// the data; so none at the small scale. The effects compare the model with
// and without the training over the 8 weeks after: the adoption level of the
// workload (share of licensed users who use it, what a 28-day active count
// measures) in percentage points, and expected how-to tickets of all
// workloads per 100 licensed seats and week. A course given to a large group
// over several days is one training, under its first session's id. Only
// accounts flagged trained have trainings.
//
// truth/ground_truth_tickets.csv gives each ticket's theme, language,
// category and workload; truth/ground_truth_themes.csv lists the recurring
// how-to themes.
//
// The same seed, scale and end day always give byte-identical files.
package generate
