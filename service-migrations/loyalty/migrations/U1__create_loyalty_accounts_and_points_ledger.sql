DROP VIEW IF EXISTS loyalty_service.v_loyalty_account_balances;
DROP TABLE IF EXISTS loyalty_service.points_ledger;
DROP TABLE IF EXISTS loyalty_service.loyalty_accounts;
