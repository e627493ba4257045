package io.streamz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls every public method of a class with one argument {@code null} at a time, for the API
 * tests of the plugin modules.
 *
 * <pre>{@code
 * Map<String, Object> samples = Map.of("path", "x.csv", "options", FileOptions.defaults());
 * List<String> problems = NullContract.problems(Csv.class, null, samples);
 * // problems: [] when every method throws NullPointerException("fromCsv: path is null") and the like
 * }</pre>
 */
public final class NullContract {
    private NullContract() {
    }

    /**
     * The problems found: methods that accept {@code null} for a parameter, or reject it with
     * something else than a {@link NullPointerException} naming the parameter.
     *
     * @param type the class whose public methods are called
     * @param target the instance for instance methods, or {@code null} for static ones only
     * @param samples a valid argument per parameter name
     * @return one line per problem, empty when the class keeps the contract
     * @throws Exception when a method cannot be called by reflection
     */
    public static List<String> problems(Class<?> type, Object target, Map<String, Object> samples) throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Method m : type.getDeclaredMethods()) {
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || (!isStatic && target == null)) {
                continue;
            }
            Parameter[] params = m.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (params[i].getType().isPrimitive()) {
                    continue;
                }
                Object[] args = new Object[params.length];
                for (int j = 0; j < params.length; j++) {
                    if (j != i) {
                        assertThat(samples).as("a sample for %s of %s", params[j].getName(), m).containsKey(params[j].getName());
                        args[j] = samples.get(params[j].getName());
                    }
                }
                checked++;
                try {
                    m.invoke(isStatic ? null : target, args);
                    problems.add(m + " accepted null " + params[i].getName());
                } catch (InvocationTargetException e) {
                    Throwable t = e.getCause();
                    if (!(t instanceof NullPointerException) || t.getMessage() == null
                            || !t.getMessage().contains(params[i].getName() + " is null")) {
                        problems.add(m + " with null " + params[i].getName() + " threw " + t);
                    }
                }
            }
        }
        assertThat(checked).as("parameters checked in %s", type).isPositive();
        return problems;
    }
}
