package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Walks the public methods of {@link Stream} by reflection: every parameter rejects {@code null}
 * with a {@link NullPointerException} naming it (unless it is {@code @Nullable}), and every
 * {@code Duration} overload has a {@code String} twin and a {@code Scheduler} twin.
 */
class ApiContractTest {
    /**
     * Parameters that take {@code null} without carrying {@code @Nullable}: {@code null} is an
     * ordinary element (streamz's {@code None}). Keep this list short.
     */
    private static final Set<String> NULLABLE = Set.of("emit.x", "emitAsync.x");

    @TempDir
    Path dir;

    @Test
    void everyPublicMethodRejectsNullNamingTheParameter() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Method m : publicMethods()) {
            Parameter[] params = m.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (params[i].getType().isPrimitive() || isNullable(m, params[i])) {
                    continue;
                }
                checked++;
                String problem = nullProblem(m, i);
                if (problem != null) {
                    problems.add(signature(m) + ", parameter " + params[i].getName() + ": " + problem);
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDurationOverloadHasStringAndSchedulerTwins() {
        List<String> problems = new ArrayList<>();
        List<Method> methods = publicMethods();
        for (Method m : methods) {
            List<Class<?>> types = Arrays.asList(m.getParameterTypes());
            int d = types.indexOf(Duration.class);
            if (d < 0 || types.contains(Scheduler.class)) {
                continue;
            }
            List<Class<?>> asString = new ArrayList<>(types);
            asString.set(d, String.class);
            List<Class<?>> withScheduler = new ArrayList<>(types);
            withScheduler.add(Scheduler.class);
            if (!has(methods, m.getName(), asString)) {
                problems.add(signature(m) + " has no String twin");
            }
            if (!has(methods, m.getName(), withScheduler)) {
                problems.add(signature(m) + " has no Scheduler twin");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void nullableParametersReallyTakeNull() {
        Stream<Integer> source = Stream.create();
        List<Integer> sliced = source.slice(0, null, 1).sinkToList();
        List<String> acc = source.accumulate((String s, Integer x) -> s + x, null).sinkToList();
        source.emit(null);
        assertThat(sliced).containsExactly((Integer) null);
        assertThat(acc).containsExactly("nullnull");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Method> publicMethods() {
        return Arrays.stream(Stream.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .sorted((a, b) -> signature(a).compareTo(signature(b)))
                .collect(Collectors.toList());
    }

    private static boolean isNullable(Method m, Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return NULLABLE.contains(m.getName() + "." + p.getName());
    }

    /** What is wrong when {@code m} gets {@code null} for parameter {@code i}, or {@code null} when right. */
    private String nullProblem(Method m, int i) throws Exception {
        Parameter[] params = m.getParameters();
        Object[] args = new Object[params.length];
        for (int j = 0; j < params.length; j++) {
            args[j] = j == i ? null : defaultFor(m, params[j]);
        }
        Object target = Modifier.isStatic(m.getModifiers()) ? null : Stream.create();
        try {
            Object result = m.invoke(target, args);
            if (result instanceof Stream) {
                ((Stream<?>) result).destroy();
            }
            return "accepted null";
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (!(t instanceof NullPointerException)) {
                return "threw " + t + " instead of a NullPointerException";
            }
            String msg = String.valueOf(t.getMessage());
            return msg.contains(params[i].getName()) ? null : "NullPointerException \"" + msg + "\" does not name it";
        }
    }

    private Object defaultFor(Method m, Parameter p) throws IOException {
        Class<?> t = p.getType();
        String name = p.getName().toLowerCase();
        if (t == int.class || t == Integer.class) {
            return 1;
        }
        if (t == long.class || t == Long.class) {
            return 1L;
        }
        if (t == double.class || t == Double.class) {
            return 1.0;
        }
        if (t == boolean.class || t == Boolean.class) {
            return true;
        }
        if (t == String.class) {
            if (name.contains("interval") || name.contains("timeout")) {
                return "1s";
            }
            if (name.equals("keep")) {
                return "first";
            }
            if (name.contains("path") || name.contains("file")) {
                return dir.resolve("contract.txt").toString();
            }
            return "x";
        }
        if (t == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (t == Scheduler.class) {
            return Schedulers.immediate();
        }
        if (t == Function.class) {
            return Function.identity();
        }
        if (t == BiFunction.class || t == BinaryOperator.class) {
            return (BinaryOperator<Object>) (a, b) -> a;
        }
        if (t == Predicate.class) {
            return (Predicate<Object>) x -> true;
        }
        if (t == Consumer.class) {
            return (Consumer<Object>) x -> { };
        }
        if (t == Supplier.class) {
            return (Supplier<Object>) () -> null;
        }
        if (t == Stream.class) {
            return Stream.create();
        }
        if (t.isArray()) {
            return Array.newInstance(t.getComponentType(), 0);
        }
        if (t == List.class || t == Iterable.class) {
            return List.of();
        }
        if (t == Map.class) {
            return Map.of();
        }
        if (t == BlockingQueue.class) {
            return new LinkedBlockingQueue<>();
        }
        if (t == Publisher.class || t == Flux.class) {
            return Flux.empty();
        }
        if (t == CompletableFuture.class) {
            return CompletableFuture.completedFuture(null);
        }
        if (t == Object.class) {
            return "x";
        }
        if (t == EventWindows.class) {
            return EventWindows.tumbling("1s");
        }
        if (t == WatermarkStrategy.class) {
            return WatermarkStrategy.monotonousTimestamps();
        }
        if (t == java.util.stream.Collector.class) {
            return java.util.stream.Collectors.toList();
        }
        if (t == Class.class) {
            return Object.class;
        }
        if (t == Keep.class) {
            return Keep.FIRST;
        }
        try {
            // options objects: Options.defaults()
            return t.getMethod("defaults").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("ApiContractTest has no value for a " + t.getName() + " in " + signature(m)
                    + ": add one to defaultFor", e);
        }
    }

    private static boolean has(List<Method> methods, String name, List<Class<?>> types) {
        return methods.stream().anyMatch(x -> x.getName().equals(name) && Arrays.asList(x.getParameterTypes()).equals(types));
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
