/**
 * The command line ({@link org.migrationharness.cli.Main}): the only package that prints to stdout and turns
 * outcomes into exit codes.
 */
package org.migrationharness.cli;
