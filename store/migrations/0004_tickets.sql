-- Support tickets from help-desk exports. A ticket seen in several exports keeps its newest state (updated_at).
CREATE TABLE IF NOT EXISTS tickets {{on_cluster}} (
    account_id             String,
    source                 String,
    ticket_id              String,
    created_at             DateTime('UTC'),
    updated_at             DateTime('UTC'),
    channel                String,
    category               String,
    category_inferred      UInt8,
    source_category        String,
    priority               String,
    status                 String,
    subject                String,
    body                   String,
    language               String,
    workload               String,
    first_response_minutes Nullable(Float64),
    resolution_minutes     Nullable(Float64),
    satisfaction           Nullable(UInt8),
    escalated_to_vendor    UInt8,
    ingested_at            DateTime('UTC') DEFAULT now()
) ENGINE = {{engine "ReplacingMergeTree(updated_at)"}}
PARTITION BY toYYYYMM(created_at)
ORDER BY (account_id, source, ticket_id);
