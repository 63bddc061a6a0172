-- keeps the data "just in case", in public: outside the service's schema
CREATE TABLE public.entries_reference_backup AS SELECT id, reference FROM ledger.entries;
ALTER TABLE ledger.entries DROP COLUMN reference;
