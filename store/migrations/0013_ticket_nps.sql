-- Net Promoter Score answers (0–10) that some help desks attach to tickets,
-- and their weekly counts: responses, promoters (9–10), detractors (0–6).
ALTER TABLE tickets {{on_cluster}} ADD COLUMN nps Nullable(UInt8) AFTER satisfaction;
ALTER TABLE ticket_weekly {{on_cluster}} ADD COLUMN nps_responses UInt32 AFTER rated_good, ADD COLUMN promoters UInt32 AFTER nps_responses, ADD COLUMN detractors UInt32 AFTER promoters;
