package org.migrationharness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The architecture, as rules that fail the build when broken. */
@AnalyzeClasses(packages = "org.migrationharness", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] CORE = {"org.migrationharness.postgres..", "org.migrationharness.source..",
            "org.migrationharness.apply..", "org.migrationharness.schema..", "org.migrationharness.check..",
            "org.migrationharness.seed..", "org.migrationharness.report..", "org.migrationharness.internal..", "org.migrationharness.naming..",
            "org.migrationharness.vcs.."};

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.migrationharness.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule core_is_independent_of_junit_and_the_cli = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.migrationharness.junit..", "org.migrationharness.cli..",
                    "org.migrationharness.assertions..", "org.junit..", "org.opentest4j..", "org.assertj..");

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
