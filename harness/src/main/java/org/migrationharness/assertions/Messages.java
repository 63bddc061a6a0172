package org.migrationharness.assertions;

import java.util.List;

/** Shared wording of the error messages. */
final class Messages {

    private Messages() {
    }

    /** "schema public" or "schemas [a, b]". */
    static String schemas(List<String> schemas) {
        return schemas.size() == 1 ? "schema " + schemas.get(0) : "schemas " + schemas;
    }
}
