CREATE OR REPLACE VIEW account_summary AS
    SELECT tier, count(*) AS accounts FROM accounts GROUP BY tier;
