-- Migration: add_phone
-- Description: the DOWN section fails at its second statement (line 11 of the file)

-- +++++ UP
ALTER TABLE users ADD COLUMN phone VARCHAR(32);
ALTER TABLE users ADD COLUMN phone_verified BOOLEAN NOT NULL DEFAULT false;

-- +++++ DOWN
ALTER TABLE users DROP COLUMN phone_verified;

ALTER TABLE users DROP COLUMN phon;
