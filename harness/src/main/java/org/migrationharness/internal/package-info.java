/**
 * Internal helpers shared by the harness's packages. No compatibility guarantees: anything here may change in any
 * release. Nothing here may depend on another harness package.
 */
package org.migrationharness.internal;
