package org.migrationharness.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.seed.LoadOrder.Node;
import org.migrationharness.seed.PlannedFixture.Literal;
import org.migrationharness.seed.PlannedFixture.Value;
import org.migrationharness.seed.TableCatalog.Column;
import org.migrationharness.seed.TableCatalog.ForeignKey;
import org.migrationharness.seed.TableCatalog.Table;

@DisplayName("LoadOrder, without a database")
class LoadOrderTests {

    private static Node node(String table, String file, String... dependsOn) {
        return new Node("shop." + table, Set.of(List.of(dependsOn).stream().map(t -> "shop." + t).toArray(String[]::new)),
                Path.of("seeds", "development", file));
    }

    private static List<String> files(List<Node> nodes) {
        return LoadOrder.sort(nodes).stream().map(n -> n.file().getFileName().toString()).toList();
    }

    @Test
    void should_load_a_chain_of_references_referenced_tables_first_whatever_the_file_names() {
        List<Node> nodes = List.of(
                node("order_items", "10_order_items.yaml", "orders", "products"),
                node("orders", "20_orders.yaml", "customers"),
                node("products", "30_products.yaml", "brands"),
                node("customers", "40_customers.yaml"),
                node("brands", "50_brands.yaml"));

        assertThat(files(nodes)).containsExactly("40_customers.yaml", "20_orders.yaml", "50_brands.yaml",
                "30_products.yaml", "10_order_items.yaml");
    }

    @Test
    void should_keep_name_order_where_no_reference_orders_the_fixtures() {
        List<Node> nodes = List.of(node("carriers", "10_carriers.yaml"), node("brands", "20_brands.yaml"),
                node("warehouses", "30_warehouses.yaml"));

        assertThat(LoadOrder.of(nodes)).containsExactly(0, 1, 2);
    }

    @Test
    void should_keep_files_of_the_same_table_in_name_order_even_when_the_later_one_could_load_first() {
        List<Node> nodes = List.of(
                node("products", "10_products.yaml", "brands"),
                node("products", "20_products_patch.yaml"),
                node("brands", "30_brands.yaml"));

        assertThat(files(nodes)).containsExactly("30_brands.yaml", "10_products.yaml", "20_products_patch.yaml");
    }

    @Test
    void should_not_order_a_fixture_by_references_to_its_own_table() {
        List<Node> nodes = List.of(
                node("categories", "10_categories.yaml", "categories", "pages"),
                node("pages", "20_pages.yaml"));

        assertThat(files(nodes)).containsExactly("20_pages.yaml", "10_categories.yaml");
        assertThat(files(List.of(node("categories", "10_categories.yaml", "categories"))))
                .containsExactly("10_categories.yaml");
    }

    @Test
    void should_ignore_references_to_tables_no_fixture_of_the_group_loads() {
        List<Node> nodes = List.of(
                node("products", "10_products.yaml", "brands_loaded_before_an_sql_file", "currencies"),
                node("brands", "20_brands.yaml"));

        assertThat(files(nodes)).containsExactly("10_products.yaml", "20_brands.yaml");
    }

    @Test
    void should_refuse_a_cycle_naming_its_tables_and_files_and_the_file_of_its_first_table() {
        List<Node> nodes = List.of(
                node("brands", "05_brands.yaml"),
                node("departments", "10_departments.yaml", "employees"),
                node("employees", "20_employees.yaml", "departments", "brands"));

        assertThatThrownBy(() -> LoadOrder.of(nodes))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.file()).contains(Path.of("seeds", "development", "10_departments.yaml"));
                })
                .hasMessageStartingWith("The row fixtures refer to each other in a cycle, so no order can load them: "
                        + "shop.departments (10_departments.yaml) -> shop.employees (20_employees.yaml) -> "
                        + "shop.departments (10_departments.yaml).\nBreak the cycle: leave one of these references out");
    }

    @Test
    void should_name_only_the_loop_when_a_fixture_outside_it_waits_for_it() {
        List<Node> nodes = List.of(
                node("reviews", "05_reviews.yaml", "products"),
                node("products", "10_products.yaml", "brands"),
                node("brands", "20_brands.yaml", "products"));

        assertThatThrownBy(() -> LoadOrder.of(nodes))
                .hasMessageContaining(": shop.products (10_products.yaml) -> shop.brands (20_brands.yaml) -> "
                        + "shop.products (10_products.yaml).\n");
    }

    // ---- a cycle through a nullable foreign key: the planner's dependencies, then the order ----------------------

    private static final Table DEPARTMENTS = new Table("shop", "departments", columns("id", "name", "manager_id"),
            List.of(new ForeignKey("departments_manager_fk", "shop.employees", List.of("manager_id"), List.of("id"))),
            List.of("id"));
    private static final Table EMPLOYEES = new Table("shop", "employees", columns("id", "name", "department_id"),
            List.of(new ForeignKey("employees_department_fk", "shop.departments", List.of("department_id"), List.of("id"))),
            List.of("id"));

    private static Map<String, Column> columns(String... names) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : names) {
            columns.put(name, new Column(name, "text", false, false, "", "", false, false));
        }
        return columns;
    }

    private static Map<String, Value> values(Object... columnsAndValues) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            values.put((String) columnsAndValues[i], new Literal(value == null ? JsonNodeFactory.instance.nullNode()
                    : JsonNodeFactory.instance.textNode((String) value)));
        }
        return values;
    }

    @Test
    void should_load_tables_that_refer_to_each_other_when_one_side_leaves_its_nullable_reference_null() {
        Set<String> departments = SeedPlanner.foreignKeyTargets(DEPARTMENTS, values("id", "d1", "name", "Sales",
                "manager_id", null));
        Set<String> employees = SeedPlanner.foreignKeyTargets(EMPLOYEES, values("id", "e1", "name", "Ada",
                "department_id", "d1"));

        assertThat(departments).isEmpty();
        assertThat(employees).containsExactly("shop.departments");
        List<Node> nodes = List.of(new Node("shop.employees", employees, Path.of("10_employees.yaml")),
                new Node("shop.departments", departments, Path.of("20_departments.yaml")));
        assertThat(LoadOrder.of(nodes)).containsExactly(1, 0);
    }

    @Test
    void should_refuse_the_cycle_when_both_sides_give_their_nullable_reference_a_value() {
        Set<String> departments = SeedPlanner.foreignKeyTargets(DEPARTMENTS, values("id", "d1", "manager_id", "e1"));
        Set<String> employees = SeedPlanner.foreignKeyTargets(EMPLOYEES, values("id", "e1", "department_id", "d1"));

        List<Node> nodes = List.of(new Node("shop.employees", employees, Path.of("10_employees.yaml")),
                new Node("shop.departments", departments, Path.of("20_departments.yaml")));
        assertThatThrownBy(() -> LoadOrder.of(nodes))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessageContaining("shop.employees (10_employees.yaml) -> shop.departments (20_departments.yaml) -> "
                        + "shop.employees (10_employees.yaml)");
    }

    @Test
    void should_not_order_by_a_foreign_key_the_row_leaves_out() {
        assertThat(SeedPlanner.foreignKeyTargets(DEPARTMENTS, values("id", "d1", "name", "Sales"))).isEmpty();
    }
}
