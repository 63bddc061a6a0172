-- Migration: add_phone
-- Description: Users may give a phone number

-- +++++ UP
ALTER TABLE users ADD COLUMN phone VARCHAR(32);
COMMENT ON COLUMN users.phone IS 'E.164 phone number';

-- +++++ DOWN
ALTER TABLE users DROP COLUMN phone;
