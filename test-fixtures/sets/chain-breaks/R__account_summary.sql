-- a view over the newest schema: every step passes on its own, but a real rollback from the top must drop it first
CREATE OR REPLACE VIEW account_summary AS SELECT tier, count(*) AS accounts FROM accounts GROUP BY tier;
