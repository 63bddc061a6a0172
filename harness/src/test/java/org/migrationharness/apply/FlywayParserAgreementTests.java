package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.migrationharness.sql.Token;
import org.migrationharness.sql.Tokenizer;

/**
 * Our statement split against Flyway's own PostgreSQL parser (driven without a database: the parser needs only a
 * configuration and an empty parsing context) on every script of the repository: the same statements, at the same
 * start lines, with the same text once comments are dropped and whitespace is normalised.
 *
 * <p>Where Flyway and PostgreSQL disagree we follow PostgreSQL; no script of the repository hits such a construct
 * today. The one difference known: Flyway 11 reads a positional parameter ({@code $1}) as the start of a dollar quote
 * and swallows the rest of the script into one statement, where PostgreSQL (and we) read a parameter (see
 * {@link #should_read_a_positional_parameter_as_postgresql_does_where_flyway_does_not()}).
 */
@DisplayName("apply: our statement split agrees with Flyway's PostgreSQL parser")
class FlywayParserAgreementTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> should_split_every_script_of_the_repository_like_flyway() throws IOException {
        List<Path> scripts = scripts();
        assertThat(scripts).hasSizeGreaterThan(100);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(ROOT.relativize(script).toString(), () -> {
            String sql = Files.readString(script, StandardCharsets.UTF_8);
            assertThat(ours(sql)).as(script.toString()).containsExactlyElementsOf(flyway(sql));
        }));
    }

    @Test
    void should_agree_with_flyway_on_the_constructs_both_read_alike() {
        String sql = """
                -- a header
                CREATE RULE r AS ON INSERT TO t DO INSTEAD (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));
                SELECT E'a\\
                b;', 'c'';d', "e;f", B'01', X'ff', U&'\\0061;';
                /* nested /* comment; */ still; */ SELECT $$x;y$$, $t$ $$; $t$, U&"d!0061;" UESCAPE '!';
                CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                  SELECT 2;
                END;
                SELECT 3 -- trailing
                """;
        assertThat(ours(sql)).containsExactlyElementsOf(flyway(sql)).hasSize(5);
    }

    @Test
    void should_read_a_positional_parameter_as_postgresql_does_where_flyway_does_not() {
        String sql = "PREPARE p (int) AS SELECT $1 + 1;\nEXECUTE p (2);\n";

        assertThat(ours(sql)).containsExactly("1: PREPARE p ( int ) AS SELECT $1 + 1", "2: EXECUTE p ( 2 )");
        assertThat(flyway(sql)).hasSize(1);
    }

    static List<Path> scripts() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> services = Files.list(ROOT.resolve("service-migrations"))) {
            for (Path migrations : services.map(s -> s.resolve("migrations")).filter(Files::isDirectory).toList()) {
                // every format's files, in sub-folders too (Prisma's migration folders, timestamped's schema/ and rollback/)
                try (Stream<Path> files = Files.walk(migrations)) {
                    files.filter(f -> f.toString().endsWith(".sql") && Files.isRegularFile(f)).forEach(scripts::add);
                }
            }
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve("test-fixtures/sets"))) {
            files.filter(f -> f.toString().endsWith(".sql") && Files.isRegularFile(f)).forEach(scripts::add);
        }
        scripts.sort(null);
        return scripts;
    }

    private static List<String> ours(String sql) {
        return SqlScript.split(sql).stream().map(s -> s.line() + ": " + normalised(s.sql())).toList();
    }

    private static List<String> flyway(String sql) {
        PostgreSQLParser parser = new PostgreSQLParser(new FluentConfiguration().placeholderReplacement(false),
                new ParsingContext());
        List<String> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new StringResource(sql))) {
            iterator.forEachRemaining(s -> statements.add(s.getLineNumber() + ": " + normalised(s.getSql())));
        }
        return statements;
    }

    /** The statement's tokens without comments, one space apart. */
    private static String normalised(String sql) {
        return Tokenizer.tokenize(sql).stream().filter(t -> !t.isComment()).map(Token::text)
                .collect(Collectors.joining(" "));
    }
}
