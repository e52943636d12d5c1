package dev.popcorn.web.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page's model, a record, as the entries a template reads: one per component, by its name, the null ones left out;
 * a component that is a {@link Part} gives its own components instead, as if they were the page's. Pebble reads the
 * records inside a page by their accessors ({@code p.poll} calls {@code poll()}), so only the top needs this.
 */
public final class PageModels {

    /**
     * A part of several pages (the glance of the desk and its live count, the level forms of the desk and of a
     * person's page): a record whose components the templates read at the top, as the page's own.
     */
    public interface Part {
    }

    private PageModels() {
    }

    /** The components of {@code page} that are not null, by name, in their order; a part's in its place. */
    public static Map<String, Object> entries(Record page) {
        Map<String, Object> entries = new LinkedHashMap<>();
        add(entries, page);
        return entries;
    }

    private static void add(Map<String, Object> entries, Record page) {
        for (RecordComponent component : page.getClass().getRecordComponents()) {
            Object value = read(page, component.getAccessor());
            if (value instanceof Part && value instanceof Record part) {
                add(entries, part);
            } else if (value != null) {
                entries.put(component.getName(), value);
            }
        }
    }

    private static Object read(Record page, Method accessor) {
        try {
            // A page's record is package-private beside its page: its accessors are public, its class is not.
            accessor.setAccessible(true);
            return accessor.invoke(page);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e.getCause());
        }
    }
}
