/**
 * The command line ({@link org.migrationharness.cli.Main}): the only package that prints to stdout and turns
 * outcomes into exit codes, and the only one that knows picocli (its commands, their options and help).
 */
package org.migrationharness.cli;
