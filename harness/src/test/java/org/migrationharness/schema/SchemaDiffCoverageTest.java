package org.migrationharness.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No property of a snapshot can be forgotten by the diff: for every record component of {@link SchemaSnapshot} and of
 * the records nested in it, found by reflection, two snapshots that differ only in that component must differ for
 * {@link SchemaDiff}. A new property added to the snapshot record and its reader but not to the diff fails here, by
 * name.
 *
 * <p>Each snapshot holds one object of every kind, every component filled with a plain value (a text that names the
 * component, so no two objects share a name; 1; true; a one-element list); the variant changes one component of one
 * object (another text, 2, false, another element, an empty list) and nothing else. True is the plain boolean so that
 * a property that only counts when another holds ({@code initiallyDeferred} of a deferrable constraint) counts.
 */
class SchemaDiffCoverageTest {

    /**
     * Components the diff deliberately does not compare on their own, with the reason. A component listed here is still
     * walked, and listing one the diff does report fails too.
     */
    private static final Map<String, String> IGNORED = Map.of(
            "Column.position", "the diff compares the order of the columns (a column-order difference), not their"
                    + " numbers: a position that changes while the order stays is no change of the schema");

    /** One component of one record, reached from the snapshot: e.g. {@code Table.columns[0] Column.type}. */
    private record Path(String name, Function<Object, Object> vary) {
    }

    @TestFactory
    List<DynamicTest> should_report_a_difference_in_every_component_of_the_snapshot() {
        SchemaSnapshot base = (SchemaSnapshot) sample(SchemaSnapshot.class);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path path : paths(SchemaSnapshot.class, "")) {
            tests.add(DynamicTest.dynamicTest(path.name(), () -> {
                SchemaSnapshot varied = (SchemaSnapshot) path.vary().apply(base);
                assertThat(varied).as("the variant differs from the base as a value").isNotEqualTo(base);
                SchemaDiff diff = SchemaDiff.between(base, varied);
                String component = path.name().substring(path.name().lastIndexOf(' ') + 1);
                if (IGNORED.containsKey(component)) {
                    assertThat(diff.isEmpty()).as("%s is listed as ignored by the diff (%s), but the diff reports it:"
                            + " remove it from IGNORED", component, IGNORED.get(component)).isTrue();
                } else {
                    assertThat(diff.isEmpty()).as("SchemaDiff.between does not report a change of %s alone: compare it"
                            + " in SchemaDiff.Nodes, or list it in IGNORED with the reason", path.name()).isFalse();
                }
            }));
        }
        return tests;
    }

    @Test
    void should_walk_the_components_of_the_nested_records_too() {
        List<String> names = paths(SchemaSnapshot.class, "").stream().map(Path::name).toList();

        assertThat(names).contains("SchemaSnapshot.tables[0] Table.columns[0] Column.type",
                "SchemaSnapshot.domains[0] Domain.constraints[0] DomainConstraint.validated",
                "SchemaSnapshot.compositeTypes[0] CompositeType.attributes[0] Attribute.collation");
        assertThat(names).hasSizeGreaterThan(100);
    }

    /** Every component of {@code type} and of the records in its lists, each with how to vary it alone. */
    private static List<Path> paths(Class<?> type, String prefix) {
        List<Path> paths = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            int index = i;
            String name = (prefix.isEmpty() ? "" : prefix + " ") + type.getSimpleName() + "." + component.getName();
            Class<?> element = elementRecord(component);
            if (element == null) {
                paths.add(new Path(name, record -> with(record, index, varied(component, get(record, index)))));
            } else {
                paths.add(new Path(name + "=[]", record -> with(record, index, List.of())));
                for (Path inner : paths(element, name + "[0]")) {
                    paths.add(new Path(inner.name(), record -> with(record, index,
                            List.of(inner.vary().apply(((List<?>) get(record, index)).get(0))))));
                }
            }
        }
        return paths;
    }

    /** The record type of a {@code List<R>} component, or null. */
    private static Class<?> elementRecord(RecordComponent component) {
        if (component.getType() != List.class) {
            return null;
        }
        Type argument = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return argument instanceof Class<?> c && c.isRecord() ? c : null;
    }

    /** A record of {@code type} with every component at its plain value. */
    private static Object sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> element = elementRecord(components[i]);
            values[i] = element != null ? List.of(sample(element)) : plain(components[i].getType(), components[i]);
        }
        return construct(type, values);
    }

    private static Object plain(Class<?> type, RecordComponent component) {
        if (type == String.class) {
            return component.getDeclaringRecord().getSimpleName().toLowerCase() + "_" + component.getName();
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == List.class) {
            return List.of(component.getName() + "_element");
        }
        throw new IllegalStateException("No plain value for " + component + ": teach this test its type");
    }

    private static Object varied(RecordComponent component, Object value) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return value + "_changed";
        }
        if (type == int.class || type == Integer.class) {
            return 2;
        }
        if (type == long.class || type == Long.class) {
            return 2L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of(component.getName() + "_other");
        }
        throw new IllegalStateException("No variant for " + component + " (" + value + ")");
    }

    private static Object get(Object record, int index) {
        try {
            return record.getClass().getRecordComponents()[index].getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code record} with component {@code index} set to {@code value}. */
    private static Object with(Object record, int index, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? value : get(record, i);
        }
        return construct(record.getClass(), values);
    }

    private static Object construct(Class<?> type, Object[] values) {
        Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a " + type.getSimpleName() + ": " + e, e);
        }
    }
}
