ALTER TABLE tickets_local ON CLUSTER uptake_cluster ADD COLUMN nps Nullable(UInt8) AFTER satisfaction;

ALTER TABLE tickets ON CLUSTER uptake_cluster ADD COLUMN nps Nullable(UInt8) AFTER satisfaction;

ALTER TABLE ticket_weekly_local ON CLUSTER uptake_cluster ADD COLUMN nps_responses UInt32 AFTER rated_good, ADD COLUMN promoters UInt32 AFTER nps_responses, ADD COLUMN detractors UInt32 AFTER promoters;

ALTER TABLE ticket_weekly ON CLUSTER uptake_cluster ADD COLUMN nps_responses UInt32 AFTER rated_good, ADD COLUMN promoters UInt32 AFTER nps_responses, ADD COLUMN detractors UInt32 AFTER promoters;
