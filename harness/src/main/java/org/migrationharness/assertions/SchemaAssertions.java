package org.migrationharness.assertions;

import org.migrationharness.schema.SchemaSnapshot;

/** Entry point: {@code import static org.migrationharness.assertions.SchemaAssertions.assertThat;}. */
public final class SchemaAssertions {

    private SchemaAssertions() {
    }

    /** Assertions on a schema snapshot. */
    public static SchemaAssert assertThat(SchemaSnapshot actual) {
        return new SchemaAssert(actual);
    }
}
