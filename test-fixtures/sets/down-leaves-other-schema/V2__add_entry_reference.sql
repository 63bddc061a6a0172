ALTER TABLE ledger.entries ADD COLUMN reference text;
