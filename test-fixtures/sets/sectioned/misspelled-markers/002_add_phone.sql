-- Migration: add_phone
-- Description: four '+' in the UP marker

-- ++++ UP
ALTER TABLE users ADD COLUMN phone VARCHAR(32);

-- +++++ DOWN
ALTER TABLE users DROP COLUMN phone;
