-- Migration: create_sessions
-- Description: the DOWN section holds only a comment

-- +++++ UP
CREATE TABLE sessions (id bigserial PRIMARY KEY, user_id UUID NOT NULL REFERENCES users (id));

-- +++++ DOWN
-- TODO
