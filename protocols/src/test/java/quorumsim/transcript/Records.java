package quorumsim.transcript;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Prints any record as {@code Name(component=value, ...)}; the caller decides how each component looks. */
final class Records {
    private Records() {
    }

    /** {@code field} gives each component's form, or null to leave it out. */
    static Term render(Record record, BiFunction<String, Object, Term> field) {
        List<Term.Arg> args = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                Term value = field.apply(c.getName(), accessor.invoke(record));
                if (value != null) {
                    args.add(new Term.Arg(c.getName(), value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Term.Call(record.getClass().getSimpleName(), args);
    }

    /** The plain form of a value with no protocol meaning: numbers, names, lists, nested records. */
    static Term plain(Object value, java.util.function.Function<Object, Term> nested) {
        if (value == null) {
            return Term.atom("none");
        }
        if (value instanceof Record r) {
            return render(r, (name, v) -> nested.apply(v));
        }
        if (value instanceof List<?> list) {
            List<Term> items = new ArrayList<>();
            for (Object item : list) {
                items.add(nested.apply(item));
            }
            return new Term.Items(items);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?> || value instanceof String) {
            String text = value.toString().replaceAll("[\\s(),=\\[\\]]+", "_");
            return Term.atom(text.isEmpty() ? "\"\"" : text);
        }
        return Term.atom(value.getClass().getSimpleName());
    }
}
