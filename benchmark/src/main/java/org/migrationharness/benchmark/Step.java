package org.migrationharness.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated migration and its exact inverse.
 *
 * @param version its version, 1 to N
 * @param description its snake_case description (the file name's part after {@code __})
 * @param up the statements of the up script
 * @param down the statements of the down script, which undo exactly what {@code up} did
 */
record Step(int version, String description, List<String> up, List<String> down) {

    /** Whether this step creates a table (every fourth step, starting with the first). */
    boolean createsTable() {
        return kind(version) == 0;
    }

    /**
     * N migrations, four kinds in turn, each cycle of four on its own table: create a table (identity primary key,
     * a NOT NULL text column, a CHECK, an index and a comment), add a column to an earlier table, index that column,
     * give it a default. The three follow-ups of cycle c work on the table of cycle c-1 (the first cycle on its own),
     * so a table's later columns come from migrations well after it.
     */
    static List<Step> generate(int n) {
        List<Step> steps = new ArrayList<>(n);
        for (int version = 1; version <= n; version++) {
            int cycle = (version - 1) / 4 + 1;
            String table = "bench_" + Math.max(1, cycle - 1);
            steps.add(switch (kind(version)) {
                case 0 -> createTable(version, "bench_" + cycle, cycle);
                case 1 -> addColumn(version, table, "col_" + version);
                case 2 -> createIndex(version, table, "col_" + (version - 1));
                default -> setDefault(version, table, "col_" + (version - 2));
            });
        }
        return List.copyOf(steps);
    }

    private static int kind(int version) {
        return (version - 1) % 4;
    }

    private static Step createTable(int version, String table, int cycle) {
        return new Step(version, "create_" + table, List.of(
                "CREATE TABLE " + table + " (\n"
                        + "    id bigint GENERATED ALWAYS AS IDENTITY,\n"
                        + "    title text NOT NULL,\n"
                        + "    created_at timestamptz NOT NULL DEFAULT now(),\n"
                        + "    CONSTRAINT pk_" + table + " PRIMARY KEY (id),\n"
                        + "    CONSTRAINT chk_" + table + "_title CHECK (title <> '')\n"
                        + ")",
                "CREATE INDEX idx_" + table + "_title ON " + table + " (title)",
                "COMMENT ON TABLE " + table + " IS 'generated table " + cycle + " of the benchmark'"),
                List.of("DROP TABLE " + table));
    }

    private static Step addColumn(int version, String table, String column) {
        return new Step(version, "add_" + column + "_to_" + table,
                List.of("ALTER TABLE " + table + " ADD COLUMN " + column + " integer"),
                List.of("ALTER TABLE " + table + " DROP COLUMN " + column));
    }

    private static Step createIndex(int version, String table, String column) {
        String index = "idx_" + table + "_" + column;
        return new Step(version, "index_" + table + "_" + column,
                List.of("CREATE INDEX " + index + " ON " + table + " (" + column + ")"),
                List.of("DROP INDEX " + index));
    }

    private static Step setDefault(int version, String table, String column) {
        return new Step(version, "default_" + table + "_" + column,
                List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT 0"),
                List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT"));
    }

    /** The up script's text: each statement ended by a semicolon, on its own lines. */
    String upScript() {
        return script(up);
    }

    /** The down script's text. */
    String downScript() {
        return script(down);
    }

    private static String script(List<String> statements) {
        StringBuilder text = new StringBuilder();
        statements.forEach(statement -> text.append(statement).append(";\n"));
        return text.toString();
    }
}
