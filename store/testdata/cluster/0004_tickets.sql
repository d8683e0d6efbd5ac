CREATE TABLE IF NOT EXISTS uptake.tickets_local ON CLUSTER uptake_cluster (
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
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/tickets_local', '{replica}', updated_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (account_id, source, ticket_id);

CREATE TABLE IF NOT EXISTS uptake.tickets ON CLUSTER uptake_cluster AS uptake.tickets_local
ENGINE = Distributed(uptake_cluster, uptake, tickets_local, cityHash64(account_id));
