ALTER TABLE uptake.tickets_local ON CLUSTER uptake_cluster ADD COLUMN nps Nullable(UInt8) AFTER satisfaction;

DROP TABLE IF EXISTS uptake.tickets ON CLUSTER uptake_cluster;

CREATE TABLE IF NOT EXISTS uptake.tickets ON CLUSTER uptake_cluster AS uptake.tickets_local
ENGINE = Distributed(uptake_cluster, uptake, tickets_local, cityHash64(account_id));

ALTER TABLE uptake.ticket_weekly_local ON CLUSTER uptake_cluster ADD COLUMN nps_responses UInt32 AFTER rated_good, ADD COLUMN promoters UInt32 AFTER nps_responses, ADD COLUMN detractors UInt32 AFTER promoters;

DROP TABLE IF EXISTS uptake.ticket_weekly ON CLUSTER uptake_cluster;

CREATE TABLE IF NOT EXISTS uptake.ticket_weekly ON CLUSTER uptake_cluster AS uptake.ticket_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, ticket_weekly_local, cityHash64(account_id));
