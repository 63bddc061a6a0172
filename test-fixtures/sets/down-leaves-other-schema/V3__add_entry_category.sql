ALTER TABLE ledger.entries ADD COLUMN category text;
