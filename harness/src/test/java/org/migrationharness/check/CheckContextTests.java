package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.CheckId;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/** A check gets the stages it declared, each computed once per set, and no other. */
class CheckContextTests {

    @TempDir
    Path dir;

    /** A check that declares {@code needs} and does nothing. */
    private record Declaring(Set<Stage> needs) implements Check {

        @Override
        public CheckId id() {
            return CheckId.of("test.declaring");
        }

        @Override
        public void run(CheckContext context) {
        }
    }

    private MigrationSet set(String sql) {
        MigrationFolder.in(dir).file("V1__one.sql", sql).file("U1__one.sql", "DROP TABLE one;\n");
        return MigrationSetReader.read(dir, "stages");
    }

    @Test
    void should_refuse_a_stage_the_check_did_not_declare() {
        try (ServiceRun run = new ServiceRun(set("CREATE TABLE one (id int);\n"), SharedServer.get(),
                VerifyOptions.defaults())) {
            CheckContext context = run.contextOf(new Declaring(Set.of(Stage.MIGRATED)));

            assertThatThrownBy(context::stepWalk).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Check test.declaring asks for stage STEP_WALK but does not declare it in needs()");
            assertThatThrownBy(context::seeded).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void should_compute_a_stage_once_and_give_every_check_the_same_result() {
        try (ServiceRun run = new ServiceRun(set("CREATE TABLE one (id int);\n"), SharedServer.get(),
                VerifyOptions.defaults())) {
            Migrated first = run.contextOf(new Declaring(Set.of(Stage.MIGRATED))).migrated();
            StepwiseWalk.Result walk = run.contextOf(new Declaring(Set.of(Stage.STEP_WALK))).stepWalk();

            assertThat(first).isInstanceOf(Migrated.Passed.class);
            assertThat(run.contextOf(new Declaring(Set.of(Stage.MIGRATED))).migrated()).isSameAs(first);
            assertThat(run.contextOf(new Declaring(Set.of(Stage.STEP_WALK))).stepWalk()).isSameAs(walk);
            assertThat(walk.skipReason()).isNull();
            assertThat(walk.findings()).isEmpty();
        }
    }

    @Test
    void should_say_where_up_stopped_in_the_migrated_stage_and_not_walk() {
        try (ServiceRun run = new ServiceRun(set("CREATE TABLE one (id int);\nSELECT no_such_function();\n"),
                SharedServer.get(), VerifyOptions.defaults())) {
            CheckContext context = run.contextOf(new Declaring(Set.of(Stage.MIGRATED, Stage.STEP_WALK, Stage.SEEDED)));

            assertThat(context.migrated()).isInstanceOfSatisfying(Migrated.Failed.class,
                    failed -> assertThat(failed.failedAt()).isEqualTo("V1"));
            assertThat(context.migrated().skipReason()).isEqualTo("up.apply failed at V1");
            assertThat(context.stepWalk().skipReason()).isEqualTo("up.apply failed at V1");
            assertThat(context.seeded().skipReason()).isEqualTo("no seeds folder");
            assertThatThrownBy(() -> context.migrated().database()).isInstanceOf(IllegalStateException.class);
        }
    }
}
