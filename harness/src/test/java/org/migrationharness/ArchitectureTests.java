package org.migrationharness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/** The architecture, as rules that fail the build when broken. */
@AnalyzeClasses(packages = "org.migrationharness", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] CORE = {"org.migrationharness", "org.migrationharness.sql..",
            "org.migrationharness.postgres..", "org.migrationharness.source..", "org.migrationharness.apply..",
            "org.migrationharness.schema..", "org.migrationharness.check..", "org.migrationharness.seed..",
            "org.migrationharness.report..", "org.migrationharness.internal..", "org.migrationharness.vcs.."};

    /**
     * The layers, lowest first, and their packages: the shared vocabulary (the root package: {@code HarnessException},
     * {@code ErrorCode}, {@code Finding}, {@code CheckId}, {@code Severity}), then the data path as it flows (read,
     * provision, apply, snapshot, seed, report model, checks), then the front ends. A layer may be used only by the
     * layers above it; the three front ends by none.
     */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"core", "org.migrationharness"},
            new String[] {"internal", "org.migrationharness.internal.."},
            new String[] {"sql", "org.migrationharness.sql.."},
            new String[] {"source", "org.migrationharness.source.."},
            new String[] {"postgres", "org.migrationharness.postgres.."},
            new String[] {"apply", "org.migrationharness.apply.."},
            new String[] {"schema", "org.migrationharness.schema.."},
            new String[] {"seed", "org.migrationharness.seed.."},
            new String[] {"report", "org.migrationharness.report.."},
            new String[] {"check", "org.migrationharness.check.."},
            new String[] {"vcs", "org.migrationharness.vcs.."},
            new String[] {"assertions", "org.migrationharness.assertions.."},
            new String[] {"junit", "org.migrationharness.junit.."},
            new String[] {"cli", "org.migrationharness.cli.."});

    /** The front ends: the top of the layers, used by no other package. */
    private static final int FRONT_ENDS = 3;

    private static LayeredArchitecture layers() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            architecture = architecture.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String name = LAYERS.get(i)[0];
            if (i >= LAYERS.size() - FRONT_ENDS) {
                architecture = architecture.whereLayer(name).mayNotBeAccessedByAnyLayer();
            } else {
                architecture = architecture.whereLayer(name).mayOnlyBeAccessedByLayers(
                        LAYERS.subList(i + 1, LAYERS.size()).stream().map(layer -> layer[0]).toArray(String[]::new));
            }
        }
        return architecture.ensureAllClassesAreContainedInArchitecture();
    }

    @ArchTest
    static final ArchRule layers_are_used_only_from_above = layers();

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.migrationharness.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule core_is_independent_of_junit_and_the_cli = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.migrationharness.junit..", "org.migrationharness.cli..",
                    "org.migrationharness.assertions..", "org.junit..", "org.opentest4j..", "org.assertj..");

    @ArchTest
    static final ArchRule no_internal_packages_of_flyway_or_assertj = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.flywaydb.core.internal..", "org.assertj.core.internal..")
            .because("their internals change without notice in any release");

    /** The packages a user's code may use; {@code internal}, {@code sql}, {@code vcs} and {@code cli} are not among them. */
    static final String[] API = {"org.migrationharness", "org.migrationharness.source..",
            "org.migrationharness.postgres..", "org.migrationharness.apply..", "org.migrationharness.schema..",
            "org.migrationharness.seed..", "org.migrationharness.report..", "org.migrationharness.check..",
            "org.migrationharness.assertions..", "org.migrationharness.junit.."};

    private static final String[] PROVIDERS = {"org.testcontainers..", "io.zonky..", "org.flywaydb.."};

    private static boolean provider(JavaType type) {
        return type.getAllInvolvedRawTypes().stream().anyMatch(raw -> raw.getPackageName().startsWith("org.testcontainers")
                || raw.getPackageName().startsWith("io.zonky") || raw.getPackageName().startsWith("org.flywaydb"));
    }

    private static final ArchCondition<JavaCodeUnit> NAME_NO_PROVIDER_TYPE = new ArchCondition<>(
            "name no Testcontainers, zonky or Flyway type in their parameters, return type or exceptions") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
            boolean exposes = provider(unit.getReturnType()) || unit.getParameterTypes().stream().anyMatch(t -> provider(t))
                    || unit.getThrowsClause().getTypes().stream().anyMatch(t -> provider(t));
            events.add(new SimpleConditionEvent(unit, !exposes, unit.getFullName() + " names a type of "
                    + String.join(", ", PROVIDERS) + " in its signature"));
        }
    };

    private static final ArchCondition<JavaField> HAVE_NO_PROVIDER_TYPE = new ArchCondition<>(
            "have no Testcontainers, zonky or Flyway type") {
        @Override
        public void check(JavaField field, ConditionEvents events) {
            events.add(new SimpleConditionEvent(field, !provider(field.getType()), field.getFullName() + " has a type of "
                    + String.join(", ", PROVIDERS)));
        }
    };

    @ArchTest
    static final ArchRule the_api_names_no_provider_type_in_its_methods = codeUnits().that().arePublic()
            .and().areDeclaredInClassesThat().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage(API)
            .should(NAME_NO_PROVIDER_TYPE)
            .because("Testcontainers, zonky and Flyway are how the harness works, not what a user's code calls");

    @ArchTest
    static final ArchRule the_api_has_no_provider_type_in_its_fields = fields().that().arePublic()
            .and().areDeclaredInClassesThat().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage(API)
            .should(HAVE_NO_PROVIDER_TYPE).allowEmptyShould(true)
            .because("Testcontainers, zonky and Flyway are how the harness works, not what a user's code calls");

    @ArchTest
    static final ArchRule the_shared_vocabulary_is_values = classes().that().resideInAPackage("org.migrationharness")
            .and().arePublic().and().areNotAssignableTo(Throwable.class)
            .should().beRecords().orShould().beEnums()
            .because("findings, check ids, severities and error codes are values every layer passes on");

    @ArchTest
    static final ArchRule flyway_stays_in_apply = noClasses().that().resideOutsideOfPackage("org.migrationharness.apply..")
            .should().dependOnClassesThat().resideInAPackage("org.flywaydb..");

    /** A format's classes: what implements the reading or the applying half of a migration format. */
    private static final DescribedPredicate<JavaClass> A_FORMATS_CLASS = JavaClass.Predicates
            .implement(org.migrationharness.source.MigrationFormat.class)
            .or(JavaClass.Predicates.implement(org.migrationharness.apply.MigrationRunner.class))
            .as("a migration format's classes");

    @ArchTest
    static final ArchRule checks_and_the_cli_know_formats_only_through_the_seam = noClasses()
            .that().resideInAnyPackage("org.migrationharness.check..", "org.migrationharness.cli..",
                    "org.migrationharness.junit..", "org.migrationharness.seed..", "org.migrationharness.schema..",
                    "org.migrationharness.report..", "org.migrationharness.assertions..")
            .should().dependOnClassesThat(A_FORMATS_CLASS);

    @ArchTest
    static final ArchRule formats_are_found_through_the_service_loader = noClasses()
            .that().resideOutsideOfPackages("org.migrationharness.source..", "org.migrationharness.apply..")
            .should().dependOnClassesThat(A_FORMATS_CLASS);

    @ArchTest
    static final ArchRule picocli_stays_in_the_cli = noClasses().that().resideOutsideOfPackage("org.migrationharness.cli")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule testcontainers_and_zonky_stay_in_postgres = noClasses()
            .that().resideOutsideOfPackage("org.migrationharness.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("org.testcontainers..", "io.zonky..");

    @ArchTest
    static final ArchRule provider_classes_are_not_public = classes().that().resideInAPackage("org.migrationharness.postgres..")
            .and().haveSimpleNameEndingWith("Process").should().notBePublic();

    @ArchTest
    static final ArchRule only_the_cli_writes_to_stdout_or_stderr = noClasses()
            .that().resideOutsideOfPackage("org.migrationharness.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    @ArchTest
    static final ArchRule only_the_cli_exits = noClasses().that().resideOutsideOfPackage("org.migrationharness.cli..")
            .should().callMethod(System.class, "exit", int.class);

    @ArchTest
    static final ArchRule one_exception = classes().that().areAssignableTo(Throwable.class)
            .should().haveSimpleName("HarnessException");

    @ArchTest
    static final ArchRule junit_extension_keeps_no_mutable_state = classes()
            .that().resideInAPackage("org.migrationharness.junit..").and().haveSimpleNameEndingWith("Extension")
            .should().haveOnlyFinalFields();

    @ArchTest
    static final ArchRule value_types_in_report_are_records_or_enums = classes()
            .that().resideInAPackage("org.migrationharness.report..").and().arePublic()
            .and().haveSimpleNameNotEndingWith("Report").and().areNotInterfaces()
            .should().beRecords().orShould().beEnums();

    /** A report format's classes: what implements the seam of report formats. */
    private static final DescribedPredicate<JavaClass> A_REPORT_FORMAT = JavaClass.Predicates
            .implement(org.migrationharness.report.ReportWriter.class).as("a report format's class");

    @ArchTest
    static final ArchRule report_formats_are_found_through_the_seam = noClasses()
            .that().resideOutsideOfPackage("org.migrationharness.report..")
            .should().dependOnClassesThat(A_REPORT_FORMAT);

    /** A check's classes: what implements the seam of checks. */
    private static final DescribedPredicate<JavaClass> A_CHECK = JavaClass.Predicates
            .implement(org.migrationharness.check.Check.class).as("a check's class");

    @ArchTest
    static final ArchRule checks_are_found_only_through_the_seam = noClasses()
            .that().resideOutsideOfPackage("org.migrationharness.check..")
            .should().dependOnClassesThat(A_CHECK);

    @ArchTest
    static final ArchRule the_own_checks_are_not_api = classes().that(A_CHECK).should().notBePublic()
            .because("the verifier lists the harness's own checks; a check from outside comes through ServiceLoader");
}
