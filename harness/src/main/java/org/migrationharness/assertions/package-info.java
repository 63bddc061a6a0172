/**
 * AssertJ-style assertions on a {@link org.migrationharness.schema.SchemaSnapshot}, for tests that check what a
 * migration built: {@code assertThat(snapshot).table("products").column("sku").hasType("text").isNotNull()}.
 * Needs assertj-core on the test class path (an optional dependency of the harness). Failure messages follow
 * AssertJ's layout ("Expecting ... to have ... but ...") and come from the {@code Should...} error message factories
 * here, like AssertJ's own.
 */
package org.migrationharness.assertions;
