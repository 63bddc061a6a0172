DROP TABLE ledger.entries;
