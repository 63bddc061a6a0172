package migrations

// A Go migration: goose compiles it into a binary; the harness cannot run it.
