-- Migration: add_locale
-- Description: the package's markers are upper case

-- +++++ UP
ALTER TABLE users ADD COLUMN locale text;

-- +++++ down
ALTER TABLE users DROP COLUMN locale;
