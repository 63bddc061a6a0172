/**
 * The one PostgreSQL lexer of the harness, and what is built on it.
 *
 * <p>{@link org.migrationharness.sql.Tokenizer} reads a script the way the server's scanner (and psql) reads it:
 * string constants ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes, {@code B'...'},
 * {@code X'...'}, {@code N'...'}, {@code U&'...'}), quoted identifiers ({@code "..."} with {@code ""},
 * {@code U&"..."} with {@code UESCAPE}), dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} is a
 * parameter), line comments and nested block comments. Each {@link org.migrationharness.sql.Token} has its kind, text,
 * offset and 1-based line, so every line number comes from one place.
 *
 * <p>On the tokens: {@link org.migrationharness.sql.Splitter} cuts a script into statements where psql does (a
 * {@code ;} outside parentheses and outside a {@code BEGIN ATOMIC ... END} body) with Flyway's start lines;
 * {@link org.migrationharness.sql.ScriptStatement} tells statements that cannot run in a transaction block and
 * transaction control statements; {@link org.migrationharness.sql.Identifiers} lists the identifiers for the naming
 * rules.
 *
 * <p>{@link org.migrationharness.sql.Names} holds the facts of a PostgreSQL name: its stored (truncated) form, how SQL
 * writes it, and {@link org.migrationharness.sql.Names#quote}, the one quoting of identifiers in the harness's SQL.
 *
 * <p>Depends on nothing else of the harness: {@code apply}, {@code source.naming} and {@code check.naming} delegate to
 * it.
 */
package org.migrationharness.sql;
