-- Migration: create_sessions
-- Service: auth-service
-- Dependencies: 20240101_001

CREATE TABLE IF NOT EXISTS sessions (id bigserial PRIMARY KEY, user_id UUID NOT NULL REFERENCES users (id));
