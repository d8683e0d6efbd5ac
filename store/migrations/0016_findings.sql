-- Findings computed from the rollups and themes at each refresh and theme
-- run, so the pages read them instead of matching thousands of needs to
-- courses on every call. Each write is one version of the whole set; reads
-- take the newest version, and only when its fingerprint (the rules and
-- course catalogue it was computed with) matches the reader's; otherwise
-- the analytics compute the answer live.

-- Course recommendations, in rank order (position), with the need behind
-- each one (a theme's terms are read from the themes table).
CREATE TABLE IF NOT EXISTS course_recommendations {{on_cluster}} (
    position          UInt32,
    account_id        String,
    account_name      String,
    manager           String,
    kind              String,
    workload          String,
    language          String,
    theme_id          String,
    theme_label       String,
    avoidable_tickets Float64,
    activatable_seats UInt32,
    audience          UInt32,
    evidence          String,
    course_id         String,
    score             Float64,
    reason            String,
    sessions          UInt32,
    benefit           Float64,
    fallback          UInt8,
    fingerprint       String,
    version           UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY (position);

-- The trainers' course plan from the month start_month, at
-- sessions_per_month sessions a month.
CREATE TABLE IF NOT EXISTS course_plan {{on_cluster}} (
    position           UInt32,
    month              Date,
    course_id          String,
    course_title       String,
    language           String,
    sessions           UInt32,
    accounts           Array(String),
    account_names      Array(String),
    attendees          UInt32,
    reason             String,
    benefit            Float64,
    start_month        Date,
    sessions_per_month UInt32,
    fingerprint        String,
    version            UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY (position);

-- Upsell chances of the last complete week, highest value first.
CREATE TABLE IF NOT EXISTS upsell_chances {{on_cluster}} (
    position     UInt32,
    kind         String,
    account_id   String,
    account_name String,
    manager      String,
    workload     String,
    value        Float64,
    currency     String,
    value_basis  String,
    evidence     String,
    rule         String,
    week         Date,
    fingerprint  String,
    version      UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY (position);

-- One row per kind of finding ('recommendations', 'course_plan', 'upsell'):
-- the version complete in its table, written after the rows, so a reader
-- never sees half a set.
CREATE TABLE IF NOT EXISTS findings_runs {{on_cluster}} (
    kind               String,
    version            UInt64,
    fingerprint        String,
    start_month        Date,
    sessions_per_month UInt32,
    week               Date,
    computed_at        DateTime('UTC')
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY kind;
